using System.Net;

using Verify.Audit.Events;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Matching.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Samlp;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Matching;

/// <summary>
/// Cycle 3 (ARCHITECTURE.md step 4): after a no-match the citizen gives one more identifier, its format checked before
/// anything is sent; they may decline; the attempts are capped.
/// </summary>
public sealed class Cycle3Tests
{
    [Test]
    public async Task NoMatchThenNino_MatchesInCycle3()
    {
        await using var harness = await MatchingHarness.StartAsync(records: People.JaneAtAnOldAddress, cycle3: Cycle3Attributes.NationalInsuranceNumber);
        var client = harness.Hub.Client;
        await MatchingFlow.ToMatchingAsync(harness);
        var asked = await MatchingFlow.SettleAsync(harness);
        var (path, _, html) = await MatchingFlow.ReadAsync(asked);
        Assert.That(path, Is.EqualTo(HubPaths.FurtherInformation), html);
        Assert.That(Html.Parse(html).QuerySelector("label[for='identifier']")!.TextContent.Trim(), Is.EqualTo("What is your National Insurance number?"));

        var sent = await client.SubmitAsync(asked, "#identifier-form", ("Identifier", People.JaneNino.ToLowerInvariant()));
        Assert.That((sent.StatusCode, sent.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Found, HubPaths.Matching)));
        var settled = await MatchingFlow.SettleAsync(harness);
        Assert.That(settled.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.Continue));
        Assert.That((await Flow.CurrentAsync(harness.Hub))!.State, Is.TypeOf<SuccessfulMatchState>());

        var rp = await MatchingFlow.ReturnToServiceAsync(client, settled);
        Assert.Multiple(async () =>
        {
            Assert.That((await MatchingFlow.RpStatusAsync(rp)).Top, Is.EqualTo(StatusCodes.Success));
            Assert.That(harness.Hub.Recorded.Events.OfType<MatchRequestSent>().Select(e => e.Cycle), Is.EqualTo(new List<MatchCycle> { MatchCycle.Cycle0And1, MatchCycle.Cycle3 }));
        });
    }

    [TestCase("12345")]
    [TestCase("")]
    [TestCase("QQ 12 34 56 C")]
    public async Task ValueInTheWrongFormat_ShowsTheErrorSummary_AndSendsNothing(string typed)
    {
        await using var harness = await MatchingHarness.StartAsync(records: People.Robert, cycle3: Cycle3Attributes.NationalInsuranceNumber);
        await MatchingFlow.ToMatchingAsync(harness);
        var asked = await MatchingFlow.SettleAsync(harness);

        var refused = await harness.Hub.Client.SubmitAsync(asked, "#identifier-form", ("Identifier", typed));

        var html = await refused.Content.ReadAsStringAsync();
        var page = Html.Parse(html);
        var journey = await Flow.CurrentAsync(harness.Hub);
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(page.Title, Does.StartWith("Error: What is your National Insurance number?"));
            Assert.That(page.QuerySelector(".govuk-error-summary a[href='#identifier']")!.TextContent, Is.EqualTo("Enter a National Insurance number in the correct format"));
            Assert.That(page.QuerySelector("#identifier-error")!.TextContent, Does.Contain("Enter a National Insurance number in the correct format"));
            Assert.That(page.QuerySelector("#identifier")!.GetAttribute("aria-describedby"), Is.EqualTo("identifier-hint identifier-error"));
            Assert.That(page.QuerySelector("#identifier")!.ClassList, Does.Contain("govuk-input--error"));
            Assert.That(harness.QueriesSent, Is.EqualTo(1), "only the cycle 0/1 query");
            Assert.That(((AwaitingCycle3DataState)journey!.State).Attempts, Is.Zero, "no attempt used");
            Assert.That(harness.Hub.Recorded.Events.OfType<MatchRequestSent>().Count(e => e.Cycle == MatchCycle.Cycle3), Is.Zero);
        });
    }

    [Test]
    public async Task Cancel_EndsInCycle3DataInputCancelled_AndTheRpHearsSo()
    {
        await using var harness = await MatchingHarness.StartAsync(records: People.Robert, cycle3: Cycle3Attributes.NationalInsuranceNumber);
        await MatchingFlow.ToMatchingAsync(harness);
        var asked = await MatchingFlow.SettleAsync(harness);

        var rp = await MatchingFlow.ReturnToServiceAsync(harness.Hub.Client, asked, "#cancel-form");

        var cancelled = harness.Hub.Recorded.Events.OfType<JourneyCancelled>().Single();
        Assert.Multiple(async () =>
        {
            Assert.That(await MatchingFlow.RpStatusAsync(rp), Is.EqualTo((StatusCodes.Responder, StatusCodes.NoAuthnContext, "cycle3-cancelled")));
            Assert.That(cancelled.State.Value, Is.EqualTo("AwaitingCycle3Data"));
            Assert.That(harness.QueriesSent, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AttemptsExhausted_EndInNoMatch_AfterAskingAgainWithTheAttemptsLeft()
    {
        await using var harness = await MatchingHarness.StartAsync(
            records: People.JaneAtAnOldAddress, cycle3: Cycle3Attributes.NationalInsuranceNumber, journey: new JourneyOptions { MaxCycle3Attempts = 2 });
        var client = harness.Hub.Client;
        await MatchingFlow.ToMatchingAsync(harness);
        var asked = await MatchingFlow.SettleAsync(harness);

        await client.SubmitAsync(asked, "#identifier-form", ("Identifier", "CE 11 22 33 A"));
        var again = await MatchingFlow.SettleAsync(harness);
        var (path, _, html) = await MatchingFlow.ReadAsync(again);
        Assert.That(path, Is.EqualTo(HubPaths.FurtherInformation), html);
        Assert.That(Html.Parse(html).QuerySelector("#not-found")!.TextContent, Does.Contain("this is your last try"));

        await client.SubmitAsync(again, "#identifier-form", ("Identifier", "CE 44 55 66 B"));
        var ended = await MatchingFlow.SettleAsync(harness);

        Assert.That(ended.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.NoMatch));
        Assert.That(harness.QueriesSent, Is.EqualTo(3));
        var rp = await MatchingFlow.ReturnToServiceAsync(client, ended);
        Assert.That(await MatchingFlow.RpStatusAsync(rp), Is.EqualTo((StatusCodes.Responder, StatusCodes.NoMatch, "no-match")));
    }

    [Test]
    public async Task Cycle3Page_IsOnlyShownWhileAwaitingTheIdentifier()
    {
        await using var harness = await MatchingHarness.StartAsync();
        await MatchingFlow.ToMatchingAsync(harness);
        await harness.WhenIdleAsync();

        var page = await harness.Hub.Client.GetAsync(HubPaths.FurtherInformation);

        Assert.That((page.StatusCode, page.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Found, HubPaths.Continue)));
    }
}
