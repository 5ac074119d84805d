using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

using Verify.Hub.Localisation;
using Verify.Saml.Errors;
using Verify.Testing;
using Verify.Web.Localisation;

namespace Verify.Hub.Tests.Localisation;

/// <summary>
/// Every text the hub's pages show exists in English and in Welsh (ADR 0015): the Welsh resources, as built into the
/// satellite assembly the hub loads, have a non-empty text for every English key and no key English lacks, with the
/// same placeholders; and every key a page asks for is in the English resources.
/// </summary>
public sealed partial class WelshResourceTests
{
    private static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo(SiteLanguage.Welsh.Code);

    private static IEnumerable<TestCaseData> Resources()
    {
        yield return new TestCaseData(typeof(HubText)).SetName("Resources_HubText_AreComplete");
        yield return new TestCaseData(typeof(WebText)).SetName("Resources_WebText_AreComplete");
    }

    [TestCaseSource(nameof(Resources))]
    public void EveryEnglishText_HasAWelshText_WithTheSamePlaceholders(Type resource)
    {
        var english = Texts(resource, CultureInfo.InvariantCulture);
        var welsh = Texts(resource, Welsh);

        Assert.That(english, Is.Not.Empty, "the English resources");
        Assert.Multiple(() =>
        {
            foreach (var (key, text) in english)
            {
                Assert.That(welsh.GetValueOrDefault(key), Is.Not.Null.And.Not.Empty.And.Not.Match(@"^\s*$"), $"{resource.Name}: no Welsh text for '{key}'");
                if (welsh.TryGetValue(key, out var translated))
                {
                    Assert.That(Placeholders(translated), Is.EqualTo(Placeholders(text)), $"{resource.Name}: the placeholders of '{key}'");
                }
            }

            Assert.That(welsh.Keys.Except(english.Keys), Is.Empty, $"{resource.Name}: Welsh keys English lacks");
        });
    }

    [Test]
    public void EveryKeyAPageAsksFor_IsInTheEnglishResources()
    {
        var hub = Texts(typeof(HubText), CultureInfo.InvariantCulture);
        var web = Texts(typeof(WebText), CultureInfo.InvariantCulture);
        var hubViews = System.IO.Directory.EnumerateFiles(RepoPaths.Combine("src", "Verify.Hub", "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();
        var webViews = System.IO.Directory.EnumerateFiles(RepoPaths.Combine("src", "Verify.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();

        // Keys the views name, and those the refusal page computes from an error code.
        var hubKeys = hubViews.SelectMany(f => HubKey().Matches(File.ReadAllText(f)).Select(m => (File: f, Key: m.Groups[1].Value)))
            .Concat(SamlErrors.All.Prepend(SamlErrorCode.None).Select(RefusalNotice.FamilyKeyOf).OfType<string>().Select(k => (File: nameof(RefusalNotice), Key: k)))
            .Concat(Enum.GetValues<RefusalKind>().Select(k => (File: nameof(RefusalNotice), Key: new RefusalNotice(k, null).TitleKey)))
            .ToList();
        var webKeys = webViews.SelectMany(f => WebKey().Matches(File.ReadAllText(f)).Select(m => (File: f, Key: m.Groups[1].Value))).ToList();

        Assert.That(hubKeys, Has.Count.GreaterThan(50), "the hub's pages ask for their texts by key");
        Assert.That(webKeys, Has.Count.GreaterThan(5), "the page template asks for its texts by key");
        Assert.Multiple(() =>
        {
            foreach (var (file, key) in hubKeys)
            {
                Assert.That(hub.ContainsKey(key), Is.True, $"{Path.GetFileName(file)} asks for '{key}', which HubText.resx lacks");
            }

            foreach (var (file, key) in webKeys)
            {
                Assert.That(web.ContainsKey(key), Is.True, $"{Path.GetFileName(file)} asks for '{key}', which WebText.resx lacks");
            }
        });
    }

    [Test]
    public void EveryErrorFamily_HasASentence()
    {
        // A code of a family with no sentence would show only the page's general text; all the catalogue's families have one.
        Assert.That(SamlErrors.All.Where(c => RefusalNotice.FamilyKeyOf(c) is null), Is.Empty);
    }

    /// <summary>The texts of one culture's resources only (no fallback to the parent culture).</summary>
    private static Dictionary<string, string> Texts(Type resource, CultureInfo culture)
    {
        var manager = new ResourceManager(resource);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.That(set, Is.Not.Null, $"{resource.Name} has no resources for '{culture.Name}' (is the satellite assembly deployed?)");
        return set!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // T["Key"] in the hub's views (the IStringLocalizer<HubText> of _ViewImports).
    [GeneratedRegex(@"\bT\[""([^""]+)""")]
    private static partial Regex HubKey();

    // Text["Key"] in Verify.Web's views.
    [GeneratedRegex(@"\bText\[""([^""]+)""")]
    private static partial Regex WebKey();
}
