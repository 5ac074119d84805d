using System.Xml.Linq;

using Verify.Matching.Engine;
using Verify.Testing;

namespace Verify.Matching.Tests.Architecture;

/// <summary>The matching logic is a library the hosts adapt: no ASP.NET Core (STYLE.md).</summary>
public sealed class ProjectReferenceTests
{
    [Test]
    public void MatchingProject_DoesNotReferenceAspNetCore()
    {
        var project = XDocument.Load(RepoPaths.Combine("src", "Verify.Matching", "Verify.Matching.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value ?? "");

        Assert.Multiple(() =>
        {
            Assert.That(project.Root!.Attribute("Sdk")?.Value, Is.EqualTo("Microsoft.NET.Sdk"));
            Assert.That(references, Has.None.Contains("AspNetCore"));
        });
    }

    [Test]
    public void MatchingAssembly_DoesNotLoadAspNetCore()
    {
        var referenced = typeof(ReferenceMatchingEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.That(referenced, Has.None.StartsWith("Microsoft.AspNetCore"));
    }
}
