using Verify.EndToEnd.Tests.Matching;
using Verify.EndToEnd.Tests.Support;

namespace Verify.EndToEnd.Tests.OidcIdp;

/// <summary>
/// A matching service with an OpenID Connect IDP in a real browser (issue 7, ADR 0025): the test RP's matching
/// registration (<c>?service=matching</c>), the stub IDP's OpenID Provider, and the in-process matching service, which
/// verifies the IDP's signed ID token the hub relays with the stub's registered key and finds the record in cycle 1.
/// </summary>
public sealed class MatchingOidcIdpTests : BrowserTest
{
    [Test]
    public async Task MatchInCycle1_ThroughTheOidcIdp_TheServiceHearsMatch_WithTheHashedPidOfTheIdTokensSubject()
    {
        var oidc = new OidcIdpSteps(Citizen, Federation);
        var matching = new MatchingSteps(Citizen, Federation);
        await Citizen.StartAtServiceAsync(service: MatchingSteps.MatchingKey);
        await Citizen.AnswerStartAsync(Intent.SignIn);
        await oidc.ChooseAsync();
        await oidc.AnswerAsync("Sign in at LEVEL_2", "David Singh");
        await matching.AwaitAnswerAsync();

        var outcome = await matching.ContinueToServiceAsync("Test service with matching");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.True);
            Assert.That(outcome.Registration, Is.EqualTo("https://rp.test/matching"));
            Assert.That(outcome.Level, Is.EqualTo("LEVEL_2"));
            Assert.That(outcome.Attributes.GetValueOrDefault("matchOutcome"), Is.EqualTo("match"));
            Assert.That(outcome.Attributes.GetValueOrDefault("hashedPid"), Is.EqualTo(MatchingSteps.HashedPidAt(oidc.Issuer, "david-singh")));
        }
    }
}
