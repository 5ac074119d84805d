using System.Xml.Linq;

using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Architecture;

/// <summary>Protocol and domain projects never reference ASP.NET Core (STYLE.md); the web hosts are thin adapters.</summary>
public sealed class ProjectReferenceTests
{
    private static readonly string[] ProtocolProjects = ["Verify.Saml", "Verify.Pki", "Verify.Hub.Journey", "Verify.Matching", "Verify.Federation", "Verify.Audit"];

    [TestCaseSource(nameof(ProtocolProjects))]
    public void ProtocolProject_DoesNotReferenceAspNetCore(string project)
    {
        var path = Path.Combine(RepositoryRoot(), "src", project, project + ".csproj");
        var xml = XDocument.Load(path);

        var sdk = xml.Root!.Attribute("Sdk")?.Value;
        var references = xml.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value ?? "")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(sdk, Is.EqualTo("Microsoft.NET.Sdk"));
            Assert.That(references, Has.None.Contains("AspNetCore"));
            // The web host is an adapter over these projects, never a dependency of them; the journey library is fine.
            Assert.That(references, Has.None.EndsWith("Verify.Hub.csproj"));
        });
    }

    [Test]
    public void SamlAssembly_DoesNotLoadAspNetCore()
    {
        var referenced = typeof(SecureXml).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.That(referenced, Has.None.StartsWith("Microsoft.AspNetCore"));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Verify.sln not found above the test directory.");
    }
}
