using System.Net;

using Verify.Hub.Tests.Support;
using Verify.Testing.Web;
using Verify.Web.Localisation;

namespace Verify.Hub.Tests.Localisation;

/// <summary>
/// The language switch (ADR 0015): a GET link that remembers the choice in a cookie and returns to a page of the hub,
/// never anywhere else (open redirects), and changes nothing about the journey.
/// </summary>
public sealed class LanguageSwitchTests
{
    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync();

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task Switch_RemembersTheLanguageInAnHttpOnlySecureCookie_SentWithCrossSitePosts_AndReturnsToThePage()
    {
        var response = await _hub.Client.GetAsync("/language/cy?returnUrl=%2Fchoose-a-certified-company%3Fintent%3Dsign-in");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("verify-language=", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/choose-a-certified-company?intent=sign-in"));
            Assert.That(cookie, Does.StartWith("verify-language=cy;"));
            Assert.That(cookie, Does.Contain("httponly").And.Contain("secure").And.Contain("samesite=none").And.Contain("path=/;").IgnoreCase);
            Assert.That(cookie, Does.Contain("max-age=31536000").IgnoreCase);
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    private static IEnumerable<TestCaseData> Attacks()
    {
        static TestCaseData Case(string name, string? returnUrl) => new TestCaseData(returnUrl).SetName("Switch_RefusesReturnUrl_" + name);

        yield return Case("Absolute", "https://evil.test/");
        yield return Case("AbsoluteHttp", "http://evil.test/start");
        yield return Case("ProtocolRelative", "//evil.test/");
        yield return Case("SlashBackslash", "/\\evil.test/");
        yield return Case("BackslashBackslash", "\\\\evil.test/");
        yield return Case("BackslashLater", "/start\\..\\\\evil.test");
        yield return Case("TabBetweenSlashes", "/\t/evil.test/");
        yield return Case("NewlineBetweenSlashes", "/\n/evil.test/");
        yield return Case("HeaderInjection", "/start\r\nSet-Cookie: verify-journey=attacker");
        yield return Case("NulCharacter", "/start\0");
        yield return Case("JavaScriptScheme", "javascript:alert(1)");
        yield return Case("DataScheme", "data:text/html,<script>alert(1)</script>");
        yield return Case("SchemeWithoutSlashes", "https:evil.test");
        yield return Case("BareHost", "evil.test");
        yield return Case("LeadingSpace", " /start");
        yield return Case("UnicodeLookAlikeSlash", "/\u2215evil.test");
        yield return Case("FullwidthSolidus", "/\uFF0Fevil.test");
        yield return Case("TooLong", "/start?" + new string('a', 600));
        yield return Case("Empty", "");
        yield return Case("Missing", null);
    }

    [TestCaseSource(nameof(Attacks))]
    public async Task Switch_RefusesEveryReturnUrlThatIsNotALocalPath(string? returnUrl)
    {
        var url = "/language/cy" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));

        var response = await _hub.Client.GetAsync(url);

        // The language is still remembered; the browser goes to the hub's start page, never to the given URL.
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.Start));
            Assert.That(response.Headers.GetValues("Set-Cookie"), Has.One.StartsWith("verify-language=cy;"));
        });
    }

    [TestCase("/start")]
    [TestCase("/error?kind=service&ref=VS2001")]
    [TestCase("/choose-a-certified-company?intent=registration")]
    [TestCase("/")]
    public void LocalPaths_AreAccepted(string returnUrl) => Assert.That(LocalReturnUrl.IsLocal(returnUrl), Is.True);

    [TestCase("de")]
    [TestCase("cy-GB")]
    [TestCase("xx")]
    public async Task Switch_ToALanguageNotOffered_IsNotFound_AndSetsNoCookie(string language)
    {
        var response = await _hub.Client.GetAsync($"/language/{Uri.EscapeDataString(language)}?returnUrl=%2Fstart");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task Switch_IsAGetThatChangesNothingAboutTheJourney()
    {
        await RpMessages.StartJourneyAsync(_hub);
        var before = (await Flow.CurrentAsync(_hub))!;

        var switched = await _hub.Client.GetAsync("/language/cy?returnUrl=%2Fstart");
        var page = await _hub.Client.FollowAsync(switched);

        var after = (await Flow.CurrentAsync(_hub))!;
        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Html.Parse(await page.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"), Is.EqualTo("cy"));
            Assert.That(after.Version, Is.EqualTo(before.Version));
            Assert.That(after.State, Is.EqualTo(before.State));
            Assert.That(after.Intent, Is.EqualTo(before.Intent));
        });
    }

    [Test]
    public async Task TheChoice_IsRememberedOnTheNextPages_AndCanBeUndone()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);
        var welshLink = Html.Parse(await start.Content.ReadAsStringAsync()).QuerySelector(".govuk-language-navigation a[hreflang=cy]")!;
        Assert.That(welshLink.GetAttribute("href"), Is.EqualTo("/language/cy?returnUrl=%2Fstart"));

        var welshStart = await _hub.Client.FollowAsync(await _hub.Client.GetAsync(welshLink.GetAttribute("href")));
        var choose = await _hub.Client.FollowAsync(await _hub.Client.SubmitAsync(welshStart, set: ("Intent", "registration")));
        var chooseHtml = await choose.Content.ReadAsStringAsync();
        var englishLink = Html.Parse(chooseHtml).QuerySelector(".govuk-language-navigation a[hreflang=en]")!;
        var english = await _hub.Client.FollowAsync(await _hub.Client.GetAsync(englishLink.GetAttribute("href")));

        Assert.Multiple(async () =>
        {
            Assert.That(Html.Heading(chooseHtml), Is.EqualTo("Dewiswch gwmni ardystiedig"));
            Assert.That(englishLink.GetAttribute("href"), Is.EqualTo("/language/en?returnUrl=%2Fchoose-a-certified-company"));
            Assert.That(english.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.ChooseCompany));
            Assert.That(Html.Heading(await english.Content.ReadAsStringAsync()), Is.EqualTo("Choose a certified company"));
        });
    }

    [Test]
    public async Task TheLanguageNavigation_MarksTheCurrentLanguage_AndNamesEachInItself()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);

        var document = Html.Parse(await start.Content.ReadAsStringAsync());
        var navigation = document.QuerySelector("nav.govuk-language-navigation")!;
        var current = navigation.QuerySelector("[aria-current=true]")!;
        var other = navigation.QuerySelector("a.govuk-language-navigation__link")!;
        Assert.Multiple(() =>
        {
            Assert.That(document.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
            Assert.That(navigation.GetAttribute("aria-label"), Is.EqualTo("Choose a language"));
            Assert.That(current.TextContent, Is.EqualTo("English"));
            Assert.That(current.GetAttribute("lang"), Is.EqualTo("en"));
            Assert.That(other.TextContent, Is.EqualTo("Cymraeg"));
            Assert.That(other.GetAttribute("lang"), Is.EqualTo("cy"));
            Assert.That(other.GetAttribute("hreflang"), Is.EqualTo("cy"));
        });
    }

    [Test]
    public async Task WithoutTheCookie_PagesAreInEnglish_WhateverTheBrowserPrefers()
    {
        await RpMessages.StartJourneyAsync(_hub);
        using var request = new HttpRequestMessage(HttpMethod.Get, HubPaths.Start);
        request.Headers.AcceptLanguage.ParseAdd("cy-GB,cy;q=0.9");

        var page = await _hub.Client.SendAsync(request);

        Assert.That(Html.Parse(await page.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
        Assert.That(page.Content.Headers.ContentLanguage.Single(), Is.EqualTo("en"));
    }

    [Test]
    public async Task ACookieWithALanguageNotOffered_IsIgnored()
    {
        _hub.Cookies.Add(_hub.BaseUrl, new Cookie(LanguageSwitch.CookieName, "fr"));

        var page = await _hub.Client.GetAsync(HubPaths.NoSession);

        Assert.That(Html.Parse(await page.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
    }
}
