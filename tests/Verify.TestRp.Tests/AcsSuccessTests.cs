using System.Net;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests;

/// <summary>
/// Whole journeys through the real app: the citizen starts, the test (as the hub) answers at the ACS, the outcome page
/// shows what the hub said.
/// </summary>
public sealed class AcsSuccessTests
{
    private TestRpServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await TestRpServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase(TestRpPaths.BindingPost)]
    [TestCase(TestRpPaths.BindingRedirect)]
    public async Task AcsPost_ShowsLevelPairwiseIdAndAttributes_ForAHubSuccessResponse(string binding)
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser, binding);
        var hub = new HubResponse { InResponseTo = sent.Request.Id, AcsUrl = _server.AcsUrl, Now = _server.Clock.GetUtcNow() };

        var page = await Journey.PostToAcsAsync(browser, hub.Encode(), sent.RelayState);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(page.Html, Does.Contain("You have proved your identity"));
            Assert.That(Html.TextById(page.Html, "level-of-assurance"), Is.EqualTo("LEVEL_2"));
            Assert.That(Html.TextById(page.Html, "pairwise-identifier"), Is.EqualTo(HubResponse.PairwiseId));
            Assert.That(Html.SummaryValue(page.Html, "Level of assurance"), Is.EqualTo("LEVEL_2"));
            Assert.That(Html.SummaryValue(page.Html, "Pairwise identifier"), Is.EqualTo(HubResponse.PairwiseId));
            Assert.That(Html.SummaryValue(page.Html, "givenName"), Is.EqualTo("Jane"));
            Assert.That(Html.SummaryValue(page.Html, "middleNames"), Is.EqualTo("Anne Marie"));
            Assert.That(Html.SummaryValue(page.Html, "sn"), Is.EqualTo("Doe"));
            Assert.That(Html.SummaryValue(page.Html, "dateOfBirth"), Is.EqualTo("1980-05-17"));
            Assert.That(Html.SummaryValue(page.Html, "gender"), Is.EqualTo("Female"));
            Assert.That(Html.SummaryValue(page.Html, "postalAddress"), Is.EqualTo("1 Test Street Flat $ 2 Testtown"));
            Assert.That(Html.SummaryValue(page.Html, "postalCode"), Is.EqualTo("TE1 1ST"));
        });
    }

    [Test]
    public async Task AcsPost_ShowsPostalAddressOneLineEach()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var hub = new HubResponse { InResponseTo = sent.Request.Id, AcsUrl = _server.AcsUrl, Now = _server.Clock.GetUtcNow() };

        var page = await Journey.PostToAcsAsync(browser, hub.Encode(), sent.RelayState);

        Assert.That(page.Html, Does.Match(@"1 Test Street\s*<br>\s*Flat \$ 2\s*<br>\s*Testtown"));
    }

    [TestCase(AuthnContexts.Level2, "LEVEL_2")]
    [TestCase(AuthnContexts.Level3, "LEVEL_3")]
    [TestCase(AuthnContexts.Level4, "LEVEL_4")]
    public async Task AcsPost_AcceptsTheRequestedLevelOrHigher(string level, string shown)
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var hub = new HubResponse { InResponseTo = sent.Request.Id, AcsUrl = _server.AcsUrl, Now = _server.Clock.GetUtcNow(), Level = level };

        var page = await Journey.PostToAcsAsync(browser, hub.Encode(), sent.RelayState);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.ToString());
        Assert.That(Html.TextById(page.Html, "level-of-assurance"), Is.EqualTo(shown));
    }

    [Test]
    public async Task AcsPost_ShowsAnIdentityWithoutAttributes()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var hub = new HubResponse { InResponseTo = sent.Request.Id, AcsUrl = _server.AcsUrl, Now = _server.Clock.GetUtcNow(), Attributes = [] };

        var page = await Journey.PostToAcsAsync(browser, hub.Encode(), sent.RelayState);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.ToString());
        Assert.That(Html.TextById(page.Html, "pairwise-identifier"), Is.EqualTo(HubResponse.PairwiseId));
    }

    [Test]
    public async Task AcsPost_ClearsTheRequestCookie_OnceAnswered()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var hub = new HubResponse { InResponseTo = sent.Request.Id, AcsUrl = _server.AcsUrl, Now = _server.Clock.GetUtcNow() };

        var page = await Journey.PostToAcsAsync(browser, hub.Encode(), sent.RelayState);

        Assert.Multiple(() =>
        {
            Assert.That(page.SetCookies, Has.Some.StartsWith("verify-testrp-request=;"));
            Assert.That(browser.RequestCookie, Is.Null);
        });
    }

    public static IEnumerable<TestCaseData> FailureStatuses()
    {
        yield return new TestCaseData(StatusCodes.Responder, StatusCodes.AuthnFailed, null).SetName("AcsPost_ShowsFailure_ForAuthnFailed");
        yield return new TestCaseData(StatusCodes.Responder, StatusCodes.NoAuthnContext, "cancelled").SetName("AcsPost_ShowsFailure_ForCancelled");
        yield return new TestCaseData(StatusCodes.Responder, StatusCodes.NoAuthnContext, "timeout").SetName("AcsPost_ShowsFailure_ForTimeout");
        yield return new TestCaseData(StatusCodes.Responder, StatusCodes.NoMatch, "no-match").SetName("AcsPost_ShowsFailure_ForNoMatch");
        yield return new TestCaseData(StatusCodes.Requester, null, null).SetName("AcsPost_ShowsFailure_ForRequesterError");
        yield return new TestCaseData(StatusCodes.Requester, StatusCodes.RequestDenied, "The request was refused.").SetName("AcsPost_ShowsFailure_ForRequestDenied");
    }

    [TestCaseSource(nameof(FailureStatuses))]
    public async Task AcsPost_ShowsTheFailureStatusPlainly_WithAWayToTryAgain(string status, string? subStatus, string? message)
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var hub = new HubResponse
        {
            InResponseTo = sent.Request.Id,
            AcsUrl = _server.AcsUrl,
            Now = _server.Clock.GetUtcNow(),
            Status = HubResponse.Failure(status, subStatus, message),
        };

        var page = await Journey.PostToAcsAsync(browser, hub.Encode(), sent.RelayState);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(page.Html, Does.Contain("You have not proved your identity"));
            Assert.That(page.Html, Does.Not.Contain("You have proved your identity"));
            Assert.That(Html.TextById(page.Html, "status-code"), Is.EqualTo(status));
            Assert.That(Html.TextById(page.Html, "sub-status-code"), Is.EqualTo(subStatus ?? "None"));
            Assert.That(Html.TextById(page.Html, "status-message"), Is.EqualTo(message ?? "None"));
            Assert.That(page.Html, Does.Match("<a href=\"/\"[^>]*>Try again</a>"));
            Assert.That(browser.RequestCookie, Is.Null, "a failure answers the request too");
        });
    }

    [Test]
    public async Task TryAgain_AfterAFailure_StartsANewJourneyThatCanSucceed()
    {
        using var browser = _server.NewBrowser();
        var first = await Journey.StartAsync(browser);
        var failure = new HubResponse
        {
            InResponseTo = first.Request.Id,
            AcsUrl = _server.AcsUrl,
            Now = _server.Clock.GetUtcNow(),
            Status = HubResponse.Failure(StatusCodes.Responder, StatusCodes.AuthnFailed, null),
        };
        await Journey.PostToAcsAsync(browser, failure.Encode(), first.RelayState);

        var second = await Journey.StartAsync(browser);
        var success = new HubResponse { InResponseTo = second.Request.Id, AcsUrl = _server.AcsUrl, Now = _server.Clock.GetUtcNow() };
        var page = await Journey.PostToAcsAsync(browser, success.Encode(), second.RelayState);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.ToString());
        Assert.That(page.Html, Does.Contain("You have proved your identity"));
    }
}
