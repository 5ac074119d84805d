using System.Text.RegularExpressions;

using Verify.Cli.StartDev;
using Verify.EndToEnd.Tests.Support;

using static Verify.EndToEnd.Tests.Matching.MatchingSteps;

namespace Verify.EndToEnd.Tests.Matching;

/// <summary>
/// The matching journey in a real browser (issue 6, ADR 0018, ADR 0020): the test RP's matching registrations, the hub,
/// the stub IDP and the in-process matching service over the records of <c>config/matching-records.jsonl</c>. Each
/// test uses its own (identity, company) pair, because a match links the hashed PID for cycle 0 and account creation
/// adds a record, and those last as long as the federation does:
/// David Singh has a record cycle 1 finds; Sarah Thompson and Rhys Llewellyn have records at old addresses only (cycle 1
/// misses, their National Insurance numbers find them); Zoë Fernández-Hughes and Alex Morgan have none.
/// </summary>
public sealed partial class MatchingJourneyTests : BrowserTest
{
    private const string MatchingService = "Test service with matching";
    private const string EndToEndService = "Test service with matching, end-to-end";
    private const string SarahNino = "JG 10 37 52 B";

    private MatchingSteps Steps => new(Citizen, Federation);

    [Test]
    public async Task MatchInCycle1_TheServiceHearsMatch_WithItsMatchingServicesHashedPid()
    {
        await Steps.SignInAsync(MatchingKey, StubIdpOne, "David Singh");
        var outcome = await Steps.ContinueToServiceAsync(MatchingService);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.True);
            Assert.That(outcome.Registration, Is.EqualTo("https://rp.test/matching"));
            Assert.That(outcome.Level, Is.EqualTo("LEVEL_2"));
            Assert.That(outcome.PairwiseId, Does.Match(Hex64()), "hub-asserted: the hub's pairwise identifier");
            Assert.That(outcome.Attributes.GetValueOrDefault("matchOutcome"), Is.EqualTo("match"));
            Assert.That(outcome.Attributes.GetValueOrDefault("hashedPid"), Is.EqualTo(ExpectedHashedPid(StubIdpOne, "david-singh")));
            Assert.That(outcome.Attributes.GetValueOrDefault("givenName"), Is.EqualTo("David"));
        }
    }

    [Test]
    public async Task NoMatch_ThenMatchInCycle3_AndNextTimeInCycle0()
    {
        await Steps.SignInAsync(MatchingKey, StubIdpOne, "Sarah Elizabeth Thompson");
        await Steps.GiveNinoAsync(SarahNino);
        var first = await Steps.ContinueToServiceAsync(MatchingService);

        // Returning: her record is still at an address cycle 1 cannot find, so only the link the match made (cycle 0)
        // can find her without asking for her number again.
        await Steps.SignInAsync(MatchingKey, StubIdpOne, "Sarah Elizabeth Thompson");
        var second = await Steps.ContinueToServiceAsync(MatchingService);

        var hashedPid = ExpectedHashedPid(StubIdpOne, "sarah-thompson");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Proved && second.Proved, Is.True);
            Assert.That(first.Attributes.GetValueOrDefault("matchOutcome"), Is.EqualTo("match"));
            Assert.That(first.Attributes.GetValueOrDefault("hashedPid"), Is.EqualTo(hashedPid));
            Assert.That(second.Attributes.GetValueOrDefault("matchOutcome"), Is.EqualTo("match"));
            Assert.That(second.Attributes.GetValueOrDefault("hashedPid"), Is.EqualTo(hashedPid));
            Assert.That(second.PairwiseId, Is.EqualTo(first.PairwiseId));
        }
    }

    [Test]
    public async Task CancelAtCycle3_TheServiceHearsCycle3Cancelled()
    {
        await Steps.SignInAsync(MatchingKey, StubIdpOne, "Rhys Owain Dafydd Llewellyn");
        await Citizen.ExpectHubPageAsync("/further-information", NinoLabel);
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Cancel and go back to " + MatchingService, Exact = true }).ClickAsync();
        var outcome = await Citizen.PassThroughHubToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.False);
            Assert.That(outcome.StatusCode, Does.EndWith(":Responder"));
            Assert.That(outcome.SubStatusCode, Does.EndWith(":NoAuthnContext"));
            Assert.That(outcome.Message, Is.EqualTo("cycle3-cancelled"));
        }
    }

    [Test]
    public async Task NoMatch_ThenAccountCreated_TheServiceHearsCreated()
    {
        await Steps.SignInAsync(MatchingKey, StubIdpOne, "Zoë Amélie Fernández-Hughes");

        // Three tries (JourneyOptions.MaxCycle3Attempts); the page says how many are left after each.
        await Steps.GiveNinoAsync(UnknownNino);
        await Steps.GiveNinoAsync(UnknownNino);
        await Steps.GiveNinoAsync(UnknownNino);
        var outcome = await Steps.ContinueToServiceAsync(MatchingService);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.True);
            Assert.That(outcome.Attributes.GetValueOrDefault("matchOutcome"), Is.EqualTo("created"));
            Assert.That(outcome.Attributes.GetValueOrDefault("hashedPid"), Is.EqualTo(ExpectedHashedPid(StubIdpOne, "zoe-fernandez-hughes")));
            Assert.That(outcome.PairwiseId, Does.Match(Hex64()));
        }
    }

    [Test]
    public async Task NoMatchAtAll_ShowsRecordNotFound_AndTheServiceHearsNoMatch()
    {
        // The end-to-end registration creates no accounts: after three tries the journey ends in NoMatch.
        await Steps.SignInAsync(EndToEndKey, StubIdpOne, "Alex Jordan Morgan");
        await Steps.GiveNinoAsync(UnknownNino);
        await Steps.GiveNinoAsync(UnknownNino);
        await Steps.GiveNinoAsync(UnknownNino);
        await Citizen.ExpectHubPageAsync("/record-not-found", NoMatchHeading);
        var outcome = await Citizen.GoBackToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.False);
            Assert.That(outcome.StatusCode, Does.EndWith(":Responder"));
            Assert.That(outcome.SubStatusCode, Does.EndWith("no-match"));
            Assert.That(outcome.Message, Is.EqualTo("no-match"));
        }
    }

    [Test]
    public async Task MatchingServiceStopped_ShowsCouldNotCheck_AndTheServiceHearsMatchingServiceError()
    {
        await Federation.MatchingService.StopAsync();
        try
        {
            await Steps.SignInAsync(MatchingKey, StubIdpTwo, "Rhys Owain Dafydd Llewellyn");
            await Citizen.ExpectHubPageAsync("/could-not-check-your-details", ErrorHeading);
        }
        finally
        {
            await Federation.MatchingService.StartAsync();
        }

        var outcome = await Citizen.GoBackToServiceAsync();
        AssertMatchingServiceError(outcome);
    }

    [Test]
    public async Task MatchingServiceHanging_ShowsCouldNotCheck_WhenTheWaitIsOver()
    {
        using (MatchingHang.Engage())
        {
            await Steps.SignInAsync(MatchingKey, StubIdpTwo, "Alex Jordan Morgan", awaitAnswer: false);
            await Steps.ExpectWaitingPageAsync();

            // The hub waits JourneyOptions.MatchingServiceWait (30 s) on its clock; the federation's clock moves past it
            // instead of the test sleeping. Any node then reads the journey as MatchingServiceRequestError.
            EndToEndSetup.Clock.Advance(TimeSpan.FromSeconds(31));
            await Steps.AwaitAnswerAsync();
            await Citizen.ExpectHubPageAsync("/could-not-check-your-details", ErrorHeading);
        }

        var outcome = await Citizen.GoBackToServiceAsync();
        AssertMatchingServiceError(outcome);
    }

    [Test]
    public async Task EndToEnd_MatchInCycle1_TheServiceGetsTheMatchingServicesOwnAssertion()
    {
        await Steps.SignInAsync(EndToEndKey, StubIdpTwo, "David Singh");
        var outcome = await Steps.ContinueToServiceAsync(EndToEndService);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.True);
            Assert.That(outcome.Registration, Is.EqualTo("https://rp.test/matching-end-to-end"));
            Assert.That(outcome.AssertedBy, Is.EqualTo(DevMatchingService.EntityId), "signed by the matching service, checked with its pinned key");
            Assert.That(outcome.HashedPid, Is.EqualTo(ExpectedHashedPid(StubIdpTwo, "david-singh")));
            Assert.That(outcome.Level, Is.EqualTo("LEVEL_2"));
        }
    }

    [Test]
    public async Task EndToEnd_NoMatch_ThenMatchInCycle3_AndNextTimeInCycle0()
    {
        await Steps.SignInAsync(EndToEndKey, StubIdpTwo, "Sarah Elizabeth Thompson");
        await Steps.GiveNinoAsync(SarahNino);
        var first = await Steps.ContinueToServiceAsync(EndToEndService);

        await Steps.SignInAsync(EndToEndKey, StubIdpTwo, "Sarah Elizabeth Thompson");
        var second = await Steps.ContinueToServiceAsync(EndToEndService);

        var hashedPid = ExpectedHashedPid(StubIdpTwo, "sarah-thompson");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Proved && second.Proved, Is.True);
            Assert.That(first.AssertedBy, Is.EqualTo(DevMatchingService.EntityId));
            Assert.That(first.HashedPid, Is.EqualTo(hashedPid));
            Assert.That(second.AssertedBy, Is.EqualTo(DevMatchingService.EntityId));
            Assert.That(second.HashedPid, Is.EqualTo(hashedPid));
        }
    }

    private static void AssertMatchingServiceError(ServiceOutcome outcome)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.False);
            Assert.That(outcome.StatusCode, Does.EndWith(":Responder"));
            Assert.That(outcome.SubStatusCode, Does.EndWith(":NoAuthnContext"));
            Assert.That(outcome.Message, Is.EqualTo("matching-service-error"));
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hex64();
}
