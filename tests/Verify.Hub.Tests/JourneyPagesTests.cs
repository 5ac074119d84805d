using System.Net;

using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Validation;

using Verify.Testing.Web;

namespace Verify.Hub.Tests;

/// <summary>
/// The citizen's pages through each IDP outcome (VERIFY-REFERENCE.md transitions, including registering vs signing
/// in) and what the RP receives when the citizen goes back (ARCHITECTURE.md end state → status table).
/// </summary>
public sealed class JourneyPagesTests
{
    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync();

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    private static Status Cancel => Status.Of(StatusCodes.Responder, StatusCodes.NoAuthnContext) with { DetailValues = [StatusDetailValues.AuthnCancel] };

    private static IEnumerable<TestCaseData> Outcomes()
    {
        static TestCaseData Case(string name, string intent, Func<IdpAnswer, IdpAnswer> answer, string page, IdpOutcome rpOutcome) =>
            new TestCaseData(intent, answer, page, rpOutcome).SetName("Outcome_" + name);

        yield return Case("CancelWhileRegistering_IsAuthnFailed", "registration", a => a with { Status = Cancel }, HubPaths.Failed, IdpOutcome.AuthnFailed);
        yield return Case("AuthnFailed", "sign-in", a => a with { Status = Status.Of(StatusCodes.Responder, StatusCodes.AuthnFailed) }, HubPaths.Failed, IdpOutcome.AuthnFailed);
        yield return Case("UpliftFailedWhileRegistering", "registration",
            a => a with { Status = Status.Of(StatusCodes.Responder, StatusCodes.NoAuthnContext) with { DetailValues = [StatusDetailValues.UpliftFailed] } },
            HubPaths.Failed, IdpOutcome.AuthnFailed);
        yield return Case("RequesterError", "registration", a => a with { Status = Status.Of(StatusCodes.Requester, StatusCodes.RequestDenied) },
            HubPaths.RequesterError, IdpOutcome.RequesterError);
        yield return Case("Pending", "registration",
            a => a with { Status = Status.Of(StatusCodes.Responder, StatusCodes.NoAuthnContext) with { DetailValues = [StatusDetailValues.LoaPending] } },
            HubPaths.Pending, IdpOutcome.NoAuthnContext);
        yield return Case("Fraud_IsNeverASuccessForTheRp", "registration", a => a with { Level = AuthnContexts.LevelX, IncludeFraudIndicators = true },
            HubPaths.NotVerified, IdpOutcome.AuthnFailed);
    }

    [TestCaseSource(nameof(Outcomes))]
    public async Task Outcome_ShowsItsPage_AndTheRpHearsTheTableStatus(string intent, Func<IdpAnswer, IdpAnswer> answer, string page, IdpOutcome rpOutcome)
    {
        var (request, relayState, rpRequestId) = await Flow.ToIdpAsync(_hub, intent);

        var acs = await Flow.PostAnswerAsync(_hub, answer(Flow.Answer(_hub, request)).Build(), relayState);
        Assert.That(acs.Headers.Location?.OriginalString, Is.EqualTo(page), await acs.Content.ReadAsStringAsync());
        var shown = await _hub.Client.FollowAsync(acs);
        Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var back = await _hub.Client.SubmitAsync(shown, $"form[action='{HubPaths.ReturnToService}']");
        var (rpAnswer, rpRelayState, _) = await Flow.RpReceivesAsync(_hub, back, rpRequestId);
        Assert.Multiple(() =>
        {
            Assert.That(rpAnswer.Outcome, Is.EqualTo(rpOutcome));
            Assert.That(rpAnswer.NameId, Is.Null);
            Assert.That(rpRelayState, Is.EqualTo("rp-state"));
        });
    }

    [Test]
    public async Task CancelWhileSigningIn_ReturnsToChoosingACompany()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub, "sign-in");

        var acs = await Flow.PostAnswerAsync(_hub, (Flow.Answer(_hub, request) with { Status = Cancel }).Build(), relayState);

        Assert.That(acs.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.ChooseCompany));
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<SessionStartedState>());
    }

    [Test]
    public async Task TryAnotherCompany_AfterAFailure_SendsANewRequestToTheOtherCompany()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        await Flow.PostAnswerAsync(_hub, (Flow.Answer(_hub, request) with { Status = Status.Of(StatusCodes.Responder, StatusCodes.AuthnFailed) }).Build(), relayState);

        var choose = await _hub.Client.GetAsync(HubPaths.ChooseCompany);
        var toIdp = await _hub.Client.SubmitAsync(choose, set: ("Idp", TestDirectory.IdpTwo));

        var selected = (await Flow.CurrentAsync(_hub))!.State as IdpSelectedState;
        Assert.That(toIdp.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(selected!.Idp.IdpId, Is.EqualTo(TestDirectory.IdpTwo));
        Assert.That(selected.Idp.AuthnRequestId, Is.Not.EqualTo(request.Id));
    }

    [Test]
    public async Task ChooseCompany_OffersOnlyCompaniesAtTheRpsLevels_InAStableOrder_AndRemembersTheLastOne()
    {
        await Flow.ToIdpAsync(_hub, idp: TestDirectory.IdpTwo);
        var start = await RpMessages.StartJourneyAsync(_hub);
        var choose = await _hub.Client.FollowAsync(await _hub.Client.SubmitAsync(start, set: ("Intent", "sign-in")));

        var document = Html.Parse(await choose.Content.ReadAsStringAsync());
        var offered = document.QuerySelectorAll("input[name=Idp]").Select(i => i.GetAttribute("value")).ToList();
        var checkedOne = document.QuerySelector("input[name=Idp][checked]")?.GetAttribute("value");
        Assert.Multiple(() =>
        {
            Assert.That(offered, Is.EqualTo(new[] { TestDirectory.IdpOne, TestDirectory.IdpTwo }));
            Assert.That(checkedOne, Is.EqualTo(TestDirectory.IdpTwo));
        });
    }

    [Test]
    public async Task ChooseCompany_RefusesACompanyNotOffered_AndChangesNothing()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);
        var choose = await _hub.Client.FollowAsync(await _hub.Client.SubmitAsync(start, set: ("Intent", "registration")));

        var refused = await _hub.Client.SubmitAsync(choose, set: ("Idp", TestDirectory.IdpLevel1Only));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<SessionStartedState>());
    }

    [Test]
    public async Task Start_WithoutAnAnswer_ShowsAnErrorSummary()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);

        var again = await _hub.Client.SubmitAsync(start);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("govuk-error-summary"));
    }

    [Test]
    public async Task FormsWithoutTheAntiforgeryToken_AreRefused()
    {
        await RpMessages.StartJourneyAsync(_hub);

        var forged = await _hub.Client.PostFormAsync(HubPaths.Start, [KeyValuePair.Create("Intent", "sign-in")]);

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Flow.CurrentAsync(_hub))!.Intent, Is.Null);
    }

    [Test]
    public async Task GoBackToTheService_BeforeChoosing_CancelsTheJourney_AndTheRpHearsNoAuthnContext()
    {
        var start = await RpMessages.StartJourneyAsync(_hub);
        var rpRequestId = (await Flow.CurrentAsync(_hub))!.Rp.RequestId;

        var back = await _hub.Client.SubmitAsync(start, $"form[action='{HubPaths.ReturnToService}']");

        var (answer, _, _) = await Flow.RpReceivesAsync(_hub, back, rpRequestId);
        Assert.That(answer.Outcome, Is.EqualTo(IdpOutcome.NoAuthnContext));
    }

    [Test]
    public async Task AJourneyThatNeverReachesAnIdp_ExpiresWithinMinutes()
    {
        await RpMessages.StartJourneyAsync(_hub);

        _hub.Time.Advance(TimeSpan.FromMinutes(6));
        var page = await _hub.Client.GetAsync(HubPaths.Start);

        Assert.That(page.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.Timeout));
    }

    [Test]
    public async Task AnIdpAnswerAfterTheSessionExpired_ShowsTheTimeoutPage_AndTheRpHearsTimeout()
    {
        var (request, relayState, rpRequestId) = await Flow.ToIdpAsync(_hub);
        _hub.Time.Advance(TimeSpan.FromMinutes(151));

        var acs = await Flow.PostAnswerAsync(_hub, Flow.Answer(_hub, request).Build(), relayState);
        var shown = await _hub.Client.FollowAsync(acs);
        var back = await _hub.Client.SubmitAsync(shown, $"form[action='{HubPaths.ReturnToService}']");

        Assert.That(acs.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.Timeout));
        var html = await back.Content.ReadAsStringAsync();
        var (_, fields) = Html.Form(html, "#saml-post");
        var status = SamlXmlReader.Default.ReadResponse(Verify.Saml.Bindings.PostBinding.Decode(fields).Document.DocumentElement!).Status;
        Assert.That(status.StatusMessage, Is.EqualTo("timeout"));
        Assert.That(rpRequestId, Is.Not.Empty);
    }

    [Test]
    public async Task PagesWithoutAJourney_SendTheCitizenToTheNoSessionPage()
    {
        var page = await _hub.Client.GetAsync(HubPaths.ChooseCompany);

        Assert.That(page.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.NoSession));
        var shown = await _hub.Client.FollowAsync(page);
        Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
