using Verify.EndToEnd.Tests.Support;
using Verify.Saml.Saml;

namespace Verify.EndToEnd.Tests.OidcRp;

/// <summary>
/// OIDC RP ↔ SAML IDP in a real browser (issue 7, ADR 0024): the test RP signs in with OpenID Connect (code flow, PKCE,
/// private_key_jwt, through OpenIddict's client), the hub runs the same journey and asks the stub IDP over SAML, and
/// the RP shows what the validated ID token and userinfo said: <c>acr</c>, the pairwise <c>sub</c> and
/// <c>verified_claims</c>; or the hub's <c>access_denied</c>.
/// </summary>
public sealed class OidcRpJourneyTests : BrowserTest
{
    private const string DavidSingh = "David Singh";

    private OidcRpSteps Steps => new(Citizen, Federation);

    [Test]
    public async Task SigningIn_AtLevel2_TheOidcServiceSeesAcr_ItsOwnPairwiseSub_AndVerifiedClaims()
    {
        await Page.GotoAsync(new Uri(Federation.TestRpUrl, "?service=" + OidcRpSteps.Key).AbsoluteUri);
        var startPage = await Steps.AccessibilityAsync("the test RP's start page with the OIDC registration chosen");
        await Citizen.StartAtServiceAsync(service: OidcRpSteps.Key);
        await Citizen.AnswerStartAsync(Intent.SignIn);
        await Citizen.ChooseCompanyAsync(OidcRpSteps.StubIdpOne);
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", DavidSingh);
        await Steps.ExpectAtCallbackAsync();

        var sub = await Steps.TextAsync("pairwise-identifier");
        var claims = await Steps.ClaimsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Steps.TextAsync("level-of-assurance"), Is.EqualTo("LEVEL_2"));
            Assert.That(await Page.Locator("#level-of-assurance").GetAttributeAsync("data-level-uri"), Is.EqualTo(AuthnContexts.Level2), "acr");
            Assert.That(await Steps.TextAsync("service-entity-id"), Is.EqualTo("https://rp.test/oidc"));

            // sub: the hub's pairwise ID for the OIDC registration's own sector, never the IDP's PID, and unrelated
            // to what the SAML registration of the same service sees for the same citizen.
            Assert.That(sub, Is.EqualTo(Steps.ExpectedPairwiseId(DevOidcSector, "david-singh")));
            Assert.That(sub, Is.Not.EqualTo(Steps.ExpectedPairwiseId(OidcRpSteps.SamlSector, "david-singh")));

            Assert.That(claims.GetValueOrDefault("trust_framework"), Is.EqualTo("uk_tfida"));
            Assert.That(claims.GetValueOrDefault("assurance_level"), Is.EqualTo("LEVEL_2"));
            Assert.That(claims.GetValueOrDefault("given_name"), Is.EqualTo("David"));
            Assert.That(claims.GetValueOrDefault("family_name"), Is.EqualTo("Singh"));
            Assert.That(claims.GetValueOrDefault("birthdate"), Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
            Assert.That(claims.GetValueOrDefault("address"), Does.EndWith("GB"));
            Assert.That(startPage, Is.Null);
            Assert.That(await Steps.AccessibilityAsync("the test RP's OIDC result page"), Is.Null);
        }

        // RP-initiated logout: the hub validates the ID token as the hint and sends the citizen back to the service.
        await Steps.SignOutAsync();
        Assert.That(await Steps.AccessibilityAsync("the test RP's signed-out page"), Is.Null);
    }

    [Test]
    public async Task Registering_CancelAtTheIdp_TheOidcServiceHearsAccessDenied()
    {
        await Citizen.StartAtServiceAsync(service: OidcRpSteps.Key);
        await Citizen.AnswerStartAsync(Intent.Register);
        await Citizen.ChooseCompanyAsync(OidcRpSteps.StubIdpOne);
        await Citizen.AnswerAtIdpAsync("Cancel");
        await Citizen.ExpectHubPageAsync("/failed", Citizen.Texts.FailedHeading);
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = Citizen.Texts.GoBackToPrefix + OidcRpSteps.ServiceName, Exact = true }).ClickAsync();
        await Steps.ExpectAtCallbackAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Steps.TextAsync("oauth-error"), Is.EqualTo("access_denied"));
            Assert.That(await Page.Locator("#pairwise-identifier").CountAsync(), Is.Zero);
            Assert.That(await Steps.AccessibilityAsync("the test RP's OIDC error page"), Is.Null);
        }
    }

    // The registration's sector as start-dev registers it (ADR 0024), written out here rather than read from it.
    private const string DevOidcSector = "https://rp.test/oidc-sector";
}
