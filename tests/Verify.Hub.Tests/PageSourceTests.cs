using Verify.Testing;

namespace Verify.Hub.Tests;

/// <summary>
/// What the pages' imports rely on (ADR 0029): Razor's default tag helpers for <c>&lt;head&gt;</c>, <c>&lt;body&gt;</c>
/// and "~/" addresses are removed from every web app, so no page may write an app-relative "~/" address (it would be
/// sent to the browser as written) and every app's imports must keep removing them.
/// </summary>
public sealed class PageSourceTests
{
    private static readonly string[] Apps = ["Verify.Hub", "Verify.Web", "Verify.StubIdp", "Verify.TestRp"];

    private static readonly string[] RemovedHelpers = ["HeadTagHelper", "BodyTagHelper", "UrlResolutionTagHelper"];

    private static IEnumerable<string> Views(string app) =>
        System.IO.Directory.EnumerateFiles(RepoPaths.Combine("src", app, "Pages"), "*.cshtml", SearchOption.AllDirectories);

    [TestCaseSource(nameof(Apps))]
    public void Pages_WriteNoAppRelativeAddresses(string app)
    {
        var offenders = Views(app).Where(v => File.ReadAllText(v).Contains("\"~/", StringComparison.Ordinal)).ToList();
        Assert.That(offenders, Is.Empty);
    }

    [TestCaseSource(nameof(Apps))]
    public void Imports_RemoveRazorsDefaultTagHelpers(string app)
    {
        var imports = File.ReadAllText(RepoPaths.Combine("src", app, "Pages", "_ViewImports.cshtml"));
        Assert.Multiple(() =>
        {
            foreach (var helper in RemovedHelpers)
            {
                Assert.That(imports, Does.Contain($"@removeTagHelper Microsoft.AspNetCore.Mvc.Razor.TagHelpers.{helper}, Microsoft.AspNetCore.Mvc.Razor"), helper);
            }
        });
    }
}
