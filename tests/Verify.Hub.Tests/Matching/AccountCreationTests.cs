using Verify.Audit.Events;
using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Matching.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Matching;

/// <summary>No match, and the RP creates accounts: the hub asks the matching service's account-creation endpoint.</summary>
public sealed class AccountCreationTests
{
    private static readonly string[] Attributes = ["firstname", "surname", "dateofbirth", "currentaddress"];

    [Test]
    public async Task NoMatch_ThenAccountCreated_TheRpHearsSuccessCreated()
    {
        await using var harness = await MatchingHarness.StartAsync(records: "", accountCreation: Attributes);
        var (_, rpRequestId) = await MatchingFlow.ToMatchingAsync(harness);

        var settled = await MatchingFlow.SettleAsync(harness);
        Assert.That(settled.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.Continue));
        Assert.That((await Flow.CurrentAsync(harness.Hub))!.State, Is.TypeOf<UserAccountCreatedState>());

        var rp = await MatchingFlow.ReturnToServiceAsync(harness.Hub.Client, settled);
        var (answer, _, _) = await Flow.RpReceivesAsync(harness.Hub, rp, rpRequestId);
        var outcome = answer.AuthnAssertion!.Attributes.Single(a => a.Name == HubAttributeNames.MatchOutcome);
        Assert.Multiple(() =>
        {
            Assert.That(((StringValue)outcome.Values.Single()).Value, Is.EqualTo("created"));
            Assert.That(harness.Transport.Paths, Is.EqualTo(new List<string> { "/SAML2/SOAP/AttributeQuery", "/SAML2/SOAP/AccountCreation" }));
            Assert.That(harness.Hub.Recorded.Events.OfType<MatchRequestSent>().Select(e => e.Cycle), Is.EqualTo(new List<MatchCycle> { MatchCycle.Cycle0And1, MatchCycle.UserAccountCreation }));
            Assert.That(harness.Hub.Recorded.Events.OfType<MatchResponseReceived>().Select(e => e.Outcome.Value), Is.EqualTo(new List<string> { "NoMatch", "UserAccountCreated" }));
        });
    }

    [Test]
    public async Task AccountCreationFailure_ShowsItsPage_AndTheRpHearsCreateFailure()
    {
        await using var harness = await MatchingHarness.StartAsync(records: "", accountCreation: Attributes, matching: inner => new NoAccountCreation(inner));
        await MatchingFlow.ToMatchingAsync(harness);

        var settled = await MatchingFlow.SettleAsync(harness);
        var (path, _, html) = await MatchingFlow.ReadAsync(settled);
        Assert.That(path, Is.EqualTo(HubPaths.AccountNotCreated), html);
        Assert.That(Html.Heading(html), Is.EqualTo("We could not set up your account"));

        var rp = await MatchingFlow.ReturnToServiceAsync(harness.Hub.Client, settled);
        Assert.That(await MatchingFlow.RpStatusAsync(rp), Is.EqualTo((StatusCodes.Responder, StatusCodes.NoAuthnContext, "create-failure")));
    }
}
