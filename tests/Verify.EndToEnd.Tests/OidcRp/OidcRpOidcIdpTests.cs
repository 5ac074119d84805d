using Verify.EndToEnd.Tests.OidcIdp;
using Verify.EndToEnd.Tests.Support;
using Verify.Saml.Saml;

namespace Verify.EndToEnd.Tests.OidcRp;

/// <summary>
/// OIDC RP ↔ OIDC IDP in a real browser (issue 7): the test RP signs in with OpenID Connect, the hub asks the stub IDP's
/// OpenID Provider, and the RP sees <c>acr</c>, its pairwise <c>sub</c> for that IDP and <c>verified_claims</c>.
/// </summary>
public sealed class OidcRpOidcIdpTests : BrowserTest
{
    private const string DevOidcSector = "https://rp.test/oidc-sector";

    [Test]
    public async Task SigningIn_WithTheOidcIdp_TheOidcServiceSeesAcr_ItsPairwiseSub_AndVerifiedClaims()
    {
        var rp = new OidcRpSteps(Citizen, Federation);
        var idp = new OidcIdpSteps(Citizen, Federation);
        await Citizen.StartAtServiceAsync(service: OidcRpSteps.Key);
        await Citizen.AnswerStartAsync(Intent.SignIn);
        await idp.ChooseAsync();
        await idp.AnswerAsync("Sign in at LEVEL_2", "David Singh");
        await rp.ExpectAtCallbackAsync();

        var claims = await rp.ClaimsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Page.Locator("#level-of-assurance").GetAttributeAsync("data-level-uri"), Is.EqualTo(AuthnContexts.Level2), "acr");
            Assert.That(await rp.TextAsync("pairwise-identifier"), Is.EqualTo(rp.ExpectedPairwiseId(DevOidcSector, "david-singh", idp.Issuer)));
            Assert.That(claims.GetValueOrDefault("assurance_level"), Is.EqualTo("LEVEL_2"));
            Assert.That(claims.GetValueOrDefault("given_name"), Is.EqualTo("David"));
            Assert.That(claims.GetValueOrDefault("family_name"), Is.EqualTo("Singh"));
        }
    }
}
