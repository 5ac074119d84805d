using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;

using AngleSharp.Html.Dom;

using Verify.Hub.Journey;
using Verify.Hub.Limits;
using Verify.Hub.Localisation;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing.Web;
using Verify.Web.Localisation;

namespace Verify.Hub.Tests.Localisation;

/// <summary>
/// Every page of the hub in Welsh, for a browser that chose Welsh (the language cookie): <c>&lt;html lang="cy"&gt;</c>,
/// the page's Welsh heading, the page template in Welsh, and no English text of the hub's own left on the page (the
/// service's and the companies' registered names and texts are shown as registered).
/// </summary>
public sealed class WelshPagesTests
{
    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartHub()
    {
        _hub = await HubHarness.StartAsync();
        ChooseWelsh(_hub);
    }

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task Start_InWelsh()
    {
        var page = await RpMessages.StartJourneyAsync(_hub);

        var document = await ExpectWelshAsync(page, "Ydych chi wedi defnyddio cwmni ardystiedig i brofi eich hunaniaeth o'r blaen?");
        Assert.Multiple(() =>
        {
            Assert.That(document.QuerySelector("label[for=intent]")!.TextContent, Is.EqualTo("Ydw, rwyf eisiau mewngofnodi"));
            Assert.That(document.QuerySelector("form[action='/return-to-service'] button")!.TextContent, Is.EqualTo("Mynd yn ôl i Test service"));
            Assert.That(document.Title, Does.EndWith("- Profi eich hunaniaeth - GOV.UK"));
        });
    }

    [Test]
    public async Task Start_WithoutAnAnswer_InWelsh()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);

        var again = await _hub.Client.SubmitAsync(start);

        var document = await ExpectWelshAsync(again, "Ydych chi wedi defnyddio cwmni ardystiedig i brofi eich hunaniaeth o'r blaen?", HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(document.QuerySelector(".govuk-error-summary__title")!.TextContent, Is.EqualTo("Mae problem wedi codi"));
            Assert.That(document.Title, Does.StartWith("Gwall: "));
        });
    }

    [TestCase("sign-in", "Dewiswch y cwmni y mae gennych gyfrif hunaniaeth gydag ef.")]
    [TestCase("registration", "Dewiswch gwmni i brofi eich hunaniaeth gydag ef.")]
    public async Task ChooseCompany_InWelsh(string intent, string hint)
    {
        var start = await RpMessages.StartJourneyAsync(_hub);

        var choose = await _hub.Client.FollowAsync(await _hub.Client.SubmitAsync(start, set: ("Intent", intent)));

        var document = await ExpectWelshAsync(choose, "Dewiswch gwmni ardystiedig");
        Assert.That(document.QuerySelector("#idp-hint")!.TextContent.Trim(), Does.StartWith(hint));
    }

    [Test]
    public async Task ChooseCompany_WithoutAChoice_InWelsh()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);
        var choose = await _hub.Client.FollowAsync(await _hub.Client.SubmitAsync(start, set: ("Intent", "registration")));

        var again = await _hub.Client.SubmitAsync(choose, set: ("Idp", "https://idp.test/not-offered"));

        var document = await ExpectWelshAsync(again, "Dewiswch gwmni ardystiedig", HttpStatusCode.BadRequest);
        Assert.That(document.QuerySelector("#idp-error")!.TextContent, Is.EqualTo("Gwall: Dewiswch gwmni ardystiedig"));
    }

    [Test]
    public async Task TheFormToTheCompany_InWelsh_NamesTheCompanyAsRegistered_AndOffersNoLanguageLink()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);
        var choose = await _hub.Client.FollowAsync(await _hub.Client.SubmitAsync(start, set: ("Intent", "registration")));

        var toIdp = await _hub.Client.SubmitAsync(choose, set: ("Idp", TestDirectory.IdpOne));

        var document = await ExpectWelshAsync(toIdp, "Rydym yn eich anfon at Stub IDP One");
        Assert.Multiple(() =>
        {
            Assert.That(document.QuerySelector("#saml-post button")!.TextContent, Is.EqualTo("Parhau"));
            Assert.That(document.QuerySelector(".govuk-language-navigation"), Is.Null, "a link away would lose the one-time message");
        });
    }

    private static IEnumerable<TestCaseData> Outcomes()
    {
        static TestCaseData Case(string page, Func<IdpAnswer, IdpAnswer> answer, string heading) =>
            new TestCaseData(answer, heading).SetName("Outcome_InWelsh_" + page);

        yield return Case("Failed", a => a with { Status = Status.Of(StatusCodes.Responder, StatusCodes.AuthnFailed) }, "Nid oedd y cwmni'n gallu eich mewngofnodi");
        yield return Case("NotVerified", a => a with { Level = AuthnContexts.LevelX, IncludeFraudIndicators = true }, "Nid oeddem yn gallu dilysu eich hunaniaeth");
        yield return Case("RequesterError", a => a with { Status = Status.Of(StatusCodes.Requester, StatusCodes.RequestDenied) }, "Mae rhywbeth wedi mynd o'i le");
        yield return Case("Pending",
            a => a with { Status = Status.Of(StatusCodes.Responder, StatusCodes.NoAuthnContext) with { DetailValues = [StatusDetailValues.LoaPending] } },
            "Nid yw'r gwiriad o'ch hunaniaeth wedi'i gwblhau eto");
    }

    [TestCaseSource(nameof(Outcomes))]
    public async Task Outcome_InWelsh(Func<IdpAnswer, IdpAnswer> answer, string heading)
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);

        var acs = await Flow.PostAnswerAsync(_hub, answer(Flow.Answer(_hub, request)).Build(), relayState);
        var page = await _hub.Client.FollowAsync(acs);

        await ExpectWelshAsync(page, heading);
    }

    [Test]
    public async Task ReturningToTheService_InWelsh_OffersNoLanguageLink()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        var acs = await Flow.PostAnswerAsync(_hub, (Flow.Answer(_hub, request) with { Status = Status.Of(StatusCodes.Responder, StatusCodes.AuthnFailed) }).Build(), relayState);
        var failed = await _hub.Client.FollowAsync(acs);

        var back = await _hub.Client.SubmitAsync(failed, $"form[action='{HubPaths.ReturnToService}']");

        var document = await ExpectWelshAsync(back, "Rydym yn eich dychwelyd i'r gwasanaeth");
        Assert.That(document.QuerySelector(".govuk-language-navigation"), Is.Null);
    }

    [Test]
    public async Task Timeout_InWelsh()
    {
        await RpMessages.StartJourneyAsync(_hub);
        _hub.Time.Advance(TimeSpan.FromMinutes(6));

        var page = await _hub.Client.FollowAsync(await _hub.Client.GetAsync(HubPaths.Start));

        await ExpectWelshAsync(page, "Mae eich sesiwn wedi dod i ben");
    }

    [Test]
    public async Task NoSession_InWelsh()
    {
        var page = await _hub.Client.GetAsync(HubPaths.NoSession);

        await ExpectWelshAsync(page, "Ni allwn ddod o hyd i'ch sesiwn");
    }

    [Test]
    public async Task Continue_InWelsh()
    {
        // A journey that ended without a page of its own (cancelled, its answer not yet delivered).
        await RpMessages.StartJourneyAsync(_hub);
        var journey = (await Flow.CurrentAsync(_hub))!;
        var cancelled = new JourneyStateMachine(_hub.Time, new JourneyOptions()).Cancel(journey);
        Assert.That((await _hub.Journeys.TryUpdateAsync(cancelled)).Status, Is.EqualTo(JourneyWriteStatus.Written));

        var page = await _hub.Client.GetAsync(HubPaths.Continue);

        var document = await ExpectWelshAsync(page, "Parhau i'r gwasanaeth");
        Assert.That(document.QuerySelector("form button")!.TextContent, Is.EqualTo("Parhau i Test service"));
    }

    [Test]
    public async Task Problem_InWelsh()
    {
        var page = await _hub.Client.GetAsync(HubPaths.Problem);

        await ExpectWelshAsync(page, "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth");
    }

    [Test]
    public async Task ARefusedRequestFromTheService_InWelsh_AndTheSwitchReturnsToTheSameRefusal()
    {
        var refused = await RpMessages.PostAsync(_hub.Client, _hub, SamlXmlWriter.WriteAuthnRequest(RpMessages.Request(_hub)));

        var document = await ExpectWelshAsync(refused, "Mae problem gyda'r gwasanaeth", HttpStatusCode.BadRequest);
        var english = document.QuerySelector(".govuk-language-navigation a[hreflang=en]")!.GetAttribute("href")!;
        Assert.Multiple(() =>
        {
            Assert.That(document.Body!.TextContent, Does.Contain("Nid oedd modd gwirio pwy anfonodd y neges."));
            Assert.That(document.QuerySelector(".govuk-tag")!.TextContent, Is.EqualTo("VS2001"));
            Assert.That(english, Is.EqualTo("/language/en?returnUrl=%2Ferror%3Fkind%3Dservice%26ref%3DVS2001"));
        });

        var again = await _hub.Client.FollowAsync(await _hub.Client.GetAsync(english));
        var englishPage = Html.Parse(await again.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(englishPage.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"));
            Assert.That(Html.Heading(englishPage.DocumentElement.OuterHtml), Is.EqualTo("There is a problem with the service"));
            Assert.That(englishPage.QuerySelector(".govuk-tag")!.TextContent, Is.EqualTo("VS2001"));
            Assert.That(Flow.CurrentId(_hub), Is.Null, "still no journey");
        });
    }

    [Test]
    public async Task ARefusedAnswerFromTheCompany_InWelsh()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);

        var refused = await Flow.PostAnswerAsync(_hub, (Flow.Answer(_hub, request) with { Age = TimeSpan.FromMinutes(10) }).Build(), relayState);

        var document = await ExpectWelshAsync(refused, "Mae problem gydag ateb y cwmni", HttpStatusCode.BadRequest);
        var reference = document.QuerySelector(".govuk-tag")!.TextContent;
        Assert.Multiple(() =>
        {
            Assert.That(document.Body!.TextContent, Does.Contain("Nid oedd y neges fel yr oeddem yn ei disgwyl, neu fe gyrhaeddodd yn rhy hwyr."));
            Assert.That(reference, Does.Match("^VS5[0-9]{3}$"));
            Assert.That(document.QuerySelector(".govuk-language-navigation a[hreflang=en]")!.GetAttribute("href"),
                Is.EqualTo($"/language/en?returnUrl=%2Ferror%3Fkind%3Dcompany%26ref%3D{reference}"));
        });
    }

    [Test]
    public async Task AnAnswerTheServicesRulesRefuse_InWelsh_HasNoReference()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);

        var refused = await Flow.PostAnswerAsync(_hub, (Flow.Answer(_hub, request) with { Level = AuthnContexts.Level1 }).Build(), relayState);

        var document = await ExpectWelshAsync(refused, "Mae problem gydag ateb y cwmni", HttpStatusCode.BadRequest);
        Assert.Multiple(() =>
        {
            Assert.That(document.Body!.TextContent, Does.Contain("Nid yw ateb y cwmni'n bodloni rheolau'r gwasanaeth hwn."));
            Assert.That(document.QuerySelector(".govuk-tag"), Is.Null, "no VS0000 reference");
            Assert.That(document.QuerySelector(".govuk-language-navigation a[hreflang=en]")!.GetAttribute("href"),
                Is.EqualTo("/language/en?returnUrl=%2Ferror%3Fkind%3Dcompany"));
        });
    }

    [TestCase("service", "VS2013", "Mae problem gyda'r gwasanaeth")]
    [TestCase("company", "VS5009", "Mae problem gydag ateb y cwmni")]
    [TestCase("company", null, "Mae problem gydag ateb y cwmni")]
    [TestCase("too-many-requests", null, "Mae'n ddrwg gennym, bu gormod o ymdrechion")]
    public async Task TheRefusalPage_InWelsh(string kind, string? reference, string heading)
    {
        var page = await _hub.Client.GetAsync($"{HubPaths.Error}?kind={kind}" + (reference is null ? "" : $"&ref={reference}"));

        var document = await ExpectWelshAsync(page, heading);
        Assert.That(document.QuerySelector(".govuk-tag")?.TextContent, Is.EqualTo(reference));
    }

    [TestCase("?kind=service")]
    [TestCase("?kind=service&ref=VS9999")]
    [TestCase("?kind=service&ref=VS0000")]
    [TestCase("?kind=company&ref=<script>")]
    [TestCase("?kind=too-many-requests&ref=VS2013")]
    [TestCase("?kind=other&ref=VS2013")]
    [TestCase("")]
    public async Task TheRefusalPage_ShowsOnlyWhatTheHubCouldHaveSaid(string query)
    {
        var page = await _hub.Client.GetAsync(HubPaths.Error + query);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.Continue));
    }

    [Test]
    public async Task TooManyRequests_InWelsh()
    {
        await using var limited = await HubHarness.StartAsync(limits: new RateLimitOptions { PerClient = 1 });
        ChooseWelsh(limited);
        await RpMessages.PostAsync(limited.NewClient(new CookieContainer()), limited, RpMessages.Signed(RpMessages.Request(limited)));

        var refused = await RpMessages.PostAsync(limited.Client, limited, RpMessages.Signed(RpMessages.Request(limited)));

        var document = await ExpectWelshAsync(refused, "Mae'n ddrwg gennym, bu gormod o ymdrechion", HttpStatusCode.TooManyRequests);
        Assert.That(document.Title, Does.StartWith("Gormod o geisiadau - "));
    }

    internal static void ChooseWelsh(HubHarness hub) => hub.Cookies.Add(hub.BaseUrl, new Cookie(LanguageSwitch.CookieName, SiteLanguage.Welsh.Code));

    /// <summary>The page is the Welsh one: its language, heading, template, and none of the hub's English texts.</summary>
    internal static async Task<IHtmlDocument> ExpectWelshAsync(HttpResponseMessage page, string heading, HttpStatusCode status = HttpStatusCode.OK)
    {
        var html = await page.Content.ReadAsStringAsync();
        var document = Html.Parse(html);
        var text = document.DocumentElement.TextContent;
        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(status), html);
            Assert.That(document.DocumentElement.GetAttribute("lang"), Is.EqualTo("cy"), "html lang");
            Assert.That(document.QuerySelector("h1")?.TextContent.Trim(), Is.EqualTo(heading));
            Assert.That(document.QuerySelector(".govuk-skip-link")?.TextContent, Is.EqualTo("Neidio i'r prif gynnwys"));
            Assert.That(document.QuerySelector(".govuk-footer__meta")?.TextContent, Does.Contain("Hawlfraint y Goron"));
            foreach (var english in EnglishTexts.Value.Where(e => text.Contains(e, StringComparison.Ordinal)))
            {
                Assert.Fail($"English text on the Welsh page: \"{english}\"");
            }
        });
        return document;
    }

    // The hub's and the template's English texts that a Welsh page must not show: each text up to its first
    // placeholder, long enough not to match a registered name or a shared word by chance.
    private static readonly Lazy<IReadOnlyList<string>> EnglishTexts = new(() =>
    [
        .. new[] { typeof(HubText), typeof(WebText) }
            .SelectMany(t => new ResourceManager(t).GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>())
            .Select(e => ((string)e.Value!).Split('{')[0].Trim())
            .Where(e => e.Length >= 12)
            .Distinct(),
    ]);
}
