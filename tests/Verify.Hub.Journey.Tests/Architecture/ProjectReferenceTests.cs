using System.Xml.Linq;

using Verify.Testing;

namespace Verify.Hub.Journey.Tests.Architecture;

/// <summary>The journey is protocol-neutral: no ASP.NET Core, no SAML library (ARCHITECTURE.md, STYLE.md).</summary>
public sealed class ProjectReferenceTests
{
    [Test]
    public void JourneyProject_ReferencesNeitherAspNetCoreNorSaml()
    {
        var project = XDocument.Load(RepoPaths.Combine("src", "Verify.Hub.Journey", "Verify.Hub.Journey.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value ?? "");

        Assert.That(project.Root!.Attribute("Sdk")?.Value, Is.EqualTo("Microsoft.NET.Sdk"));
        Assert.That(references, Has.None.Contains("AspNetCore").And.None.Contains("Verify.Saml").And.None.Contains("Verify."));
    }

    [Test]
    public void JourneyAssembly_LoadsNeitherAspNetCoreNorSaml()
    {
        var referenced = typeof(JourneyRecord).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.That(referenced, Has.None.StartsWith("Microsoft.AspNetCore").And.None.StartsWith("Verify."));
    }
}
