using System.Text.RegularExpressions;

using Verify.EndToEnd.Tests.Support;

namespace Verify.EndToEnd.Tests;

/// <summary>
/// Whole journeys in a real browser that end with the service knowing who the citizen is: test RP → hub → stub IDP →
/// hub → test RP, over HTTPS on three distinct hosts, so the browser applies its real cross-site cookie rules.
/// </summary>
public sealed partial class HappyPathTests : BrowserTest
{
    private const string StubIdpOne = "Stub IDP One";
    private const string SarahThompson = "Sarah Elizabeth Thompson";
    private const string DavidSingh = "David Singh";

    [Test]
    public async Task Registering_WithStubIdpOne_AtLevel2_TheServiceSeesTheVerifiedIdentity()
    {
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);
        await Citizen.ChooseCompanyAsync(StubIdpOne);

        // The IDP's answer is a cross-site POST from idp.test to hub.test: the hub finds the journey only if its
        // SameSite=None; Secure ACS cookie came with it. A success here is that proof.
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", SarahThompson);
        var outcome = await Citizen.PassThroughHubToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.True);
            Assert.That(outcome.Level, Is.EqualTo("LEVEL_2"));
            Assert.That(outcome.PairwiseId, Does.Match(PairwiseIdPattern()));
            Assert.That(outcome.Attributes.GetValueOrDefault("givenName"), Is.EqualTo("Sarah"));
            Assert.That(outcome.Attributes.GetValueOrDefault("sn"), Does.Contain("Thompson"));
        }
    }

    [Test]
    public async Task SigningIn_TwiceAsTheSamePerson_TheServiceSeesTheSamePairwiseIdentifier()
    {
        var first = await SignInAsync(DavidSingh, RpBinding.Post);
        var second = await SignInAsync(DavidSingh, RpBinding.Post);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Proved && second.Proved, Is.True);
            Assert.That(first.Level, Is.EqualTo("LEVEL_2"));
            Assert.That(first.Attributes.GetValueOrDefault("givenName"), Is.EqualTo("David"));
            Assert.That(first.PairwiseId, Does.Match(PairwiseIdPattern()));
            Assert.That(second.PairwiseId, Is.EqualTo(first.PairwiseId), "the same person at the same IDP");
        }
    }

    [Test]
    public async Task SigningIn_WithTheRedirectBinding_TheServiceSeesTheVerifiedIdentity()
    {
        var outcome = await SignInAsync(DavidSingh, RpBinding.Redirect);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.True);
            Assert.That(outcome.Level, Is.EqualTo("LEVEL_2"));
            Assert.That(outcome.PairwiseId, Does.Match(PairwiseIdPattern()));
            Assert.That(outcome.Attributes.GetValueOrDefault("givenName"), Is.EqualTo("David"));
        }
    }

    private async Task<ServiceOutcome> SignInAsync(string identity, RpBinding binding)
    {
        await Citizen.StartAtServiceAsync(binding);
        await Citizen.AnswerStartAsync(Intent.SignIn);
        await Citizen.ChooseCompanyAsync(StubIdpOne);
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", identity);
        return await Citizen.PassThroughHubToServiceAsync();
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex PairwiseIdPattern();
}
