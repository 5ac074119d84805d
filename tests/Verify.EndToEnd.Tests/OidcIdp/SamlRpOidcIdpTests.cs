using System.Text.RegularExpressions;

using Verify.EndToEnd.Tests.Support;

namespace Verify.EndToEnd.Tests.OidcIdp;

/// <summary>
/// SAML RP ↔ OIDC IDP in a real browser (issue 7): the test RP's SAML request, the hub's authorization request to the
/// stub IDP's OpenID Provider, the code redeemed by the hub with private_key_jwt, and the SAML answer the RP validates.
/// </summary>
public sealed partial class SamlRpOidcIdpTests : BrowserTest
{
    private const string SarahThompson = "Sarah Elizabeth Thompson";

    [Test]
    public async Task Registering_WithTheOidcIdp_AtLevel2_TheSamlServiceSeesTheVerifiedIdentity_UnderItsOwnPairwiseId()
    {
        var steps = new OidcIdpSteps(Citizen, Federation);
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);
        await steps.ChooseAsync();
        await steps.AnswerAsync("Sign in at LEVEL_2", SarahThompson);
        var oidc = await Citizen.PassThroughHubToServiceAsync();

        // The same person through the same company's SAML side: another IDP to the hub, so another pairwise identifier.
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);
        await Citizen.ChooseCompanyAsync("Stub IDP One");
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", SarahThompson);
        var saml = await Citizen.PassThroughHubToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(oidc.Proved, Is.True);
            Assert.That(oidc.Level, Is.EqualTo("LEVEL_2"));
            Assert.That(oidc.PairwiseId, Does.Match(PairwiseIdPattern()));
            Assert.That(oidc.Attributes.GetValueOrDefault("givenName"), Is.EqualTo("Sarah"));
            Assert.That(oidc.Attributes.GetValueOrDefault("sn"), Does.Contain("Thompson"));
            Assert.That(saml.Proved, Is.True);
            Assert.That(oidc.PairwiseId, Is.Not.EqualTo(saml.PairwiseId));
        }
    }

    [Test]
    public async Task SigningIn_CancelAtTheOidcIdp_BringsTheCitizenBackToChooseACompany()
    {
        var steps = new OidcIdpSteps(Citizen, Federation);
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.SignIn);
        await steps.ChooseAsync();

        await steps.AnswerAsync("Cancel");

        await Citizen.ExpectHubPageAsync("/choose-a-certified-company", Citizen.Texts.ChooseHeading);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex PairwiseIdPattern();
}
