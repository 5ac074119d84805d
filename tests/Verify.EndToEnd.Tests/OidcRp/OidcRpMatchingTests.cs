using Microsoft.Playwright;

using Verify.EndToEnd.Tests.Matching;
using Verify.EndToEnd.Tests.OidcIdp;
using Verify.EndToEnd.Tests.Support;
using Verify.Saml.Saml;

namespace Verify.EndToEnd.Tests.OidcRp;

/// <summary>
/// An OpenID Connect RP with matching in a real browser (issue 7, ADR 0026): the test RP's registration with matching
/// (<c>?service=oidc-matching</c>), the hub's matching journey against the in-process matching service, and the RP
/// showing what its validated ID token and userinfo said: <c>acr</c>, its own pairwise <c>sub</c>, and the match
/// claims (<c>matchOutcome</c>, <c>hashedPid</c>, named like the SAML attributes); a no-match is <c>access_denied</c>.
/// David Singh has a record (cycle 1 finds it, or cycle 0 once another test linked his hashed PID: the answer is the
/// same); Alex Morgan has none, and this registration creates no accounts.
/// </summary>
public sealed class OidcRpMatchingTests : BrowserTest
{
    private const string Key = "oidc-matching";
    private const string ServiceName = "Test service with matching, OpenID Connect";
    private const string ClientId = "https://rp.test/oidc-matching";

    // The registration's sector as start-dev registers it, written out here rather than read from it.
    private const string Sector = "https://rp.test/oidc-matching-sector";

    private OidcRpSteps Rp => new(Citizen, Federation);

    private MatchingSteps Matching => new(Citizen, Federation);

    [Test]
    public async Task Match_WithTheSamlIdp_TheOidcServiceSeesMatch_TheHashedPid_Acr_AndItsPairwiseSub()
    {
        await Citizen.StartAtServiceAsync(service: Key);
        await Citizen.AnswerStartAsync(Intent.SignIn);
        await Citizen.ChooseCompanyAsync(MatchingSteps.StubIdpOne);
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", "David Singh");
        await Matching.AwaitAnswerAsync();
        await ContinueToServiceAsync();

        var claims = await Rp.ClaimsAsync();
        var sub = await Rp.TextAsync("pairwise-identifier");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(claims.GetValueOrDefault("matchOutcome"), Is.EqualTo("match"));
            Assert.That(claims.GetValueOrDefault("hashedPid"), Is.EqualTo(MatchingSteps.ExpectedHashedPid(MatchingSteps.StubIdpOne, "david-singh")));
            Assert.That(await Rp.TextAsync("level-of-assurance"), Is.EqualTo("LEVEL_2"));
            Assert.That(await Page.Locator("#level-of-assurance").GetAttributeAsync("data-level-uri"), Is.EqualTo(AuthnContexts.Level2), "acr");
            Assert.That(await Rp.TextAsync("service-entity-id"), Is.EqualTo(ClientId));

            // sub: the hub's pairwise ID for this registration's own sector, neither the hashed PID nor another's sub.
            Assert.That(sub, Is.EqualTo(Rp.ExpectedPairwiseId(Sector, "david-singh")));
            Assert.That(sub, Is.Not.EqualTo(Rp.ExpectedPairwiseId("https://rp.test/oidc-sector", "david-singh")));
            Assert.That(claims.GetValueOrDefault("given_name"), Is.EqualTo("David"));
            Assert.That(await Rp.AccessibilityAsync("the test RP's OIDC result page with match claims"), Is.Null);
        }
    }

    [Test]
    public async Task Match_WithTheOidcIdp_TheOidcServiceSeesMatch_AndTheHashedPidOfTheIdTokensSubject()
    {
        var idp = new OidcIdpSteps(Citizen, Federation);
        await Citizen.StartAtServiceAsync(service: Key);
        await Citizen.AnswerStartAsync(Intent.SignIn);
        await idp.ChooseAsync();
        await idp.AnswerAsync("Sign in at LEVEL_2", "David Singh");
        await Matching.AwaitAnswerAsync();
        await ContinueToServiceAsync();

        var claims = await Rp.ClaimsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(claims.GetValueOrDefault("matchOutcome"), Is.EqualTo("match"));

            // VERIFY-REFERENCE.md's hashed PID, keyed by the IDP's issuer and its sub (ADR 0025), at LEVEL_2.
            Assert.That(claims.GetValueOrDefault("hashedPid"), Is.EqualTo(MatchingSteps.HashedPidAt(idp.Issuer, "david-singh")));
            Assert.That(await Page.Locator("#level-of-assurance").GetAttributeAsync("data-level-uri"), Is.EqualTo(AuthnContexts.Level2), "acr");
            Assert.That(await Rp.TextAsync("pairwise-identifier"), Is.EqualTo(Rp.ExpectedPairwiseId(Sector, "david-singh", idp.Issuer)));
        }
    }

    [Test]
    public async Task NoMatch_AfterThreeNationalInsuranceNumbers_TheOidcServiceHearsAccessDenied()
    {
        await Citizen.StartAtServiceAsync(service: Key);
        await Citizen.AnswerStartAsync(Intent.SignIn);
        await Citizen.ChooseCompanyAsync(MatchingSteps.StubIdpOne);
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", "Alex Jordan Morgan");
        await Matching.AwaitAnswerAsync();

        // Cycle 3 (JourneyOptions.MaxCycle3Attempts tries), then no record and no account creation: no match.
        await Matching.GiveNinoAsync(MatchingSteps.UnknownNino);
        await Matching.GiveNinoAsync(MatchingSteps.UnknownNino);
        await Matching.GiveNinoAsync(MatchingSteps.UnknownNino);
        await Citizen.ExpectHubPageAsync("/record-not-found", MatchingSteps.NoMatchHeading);
        await Page.GetByRole(AriaRole.Button, new() { Name = Citizen.Texts.GoBackToPrefix + ServiceName, Exact = true }).ClickAsync();
        await Rp.ExpectAtCallbackAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Rp.TextAsync("oauth-error"), Is.EqualTo("access_denied"));
            Assert.That(await Page.Locator("#pairwise-identifier").CountAsync(), Is.Zero);
            Assert.That(await Page.Locator("[data-attribute=hashedPid]").CountAsync(), Is.Zero);
        }
    }

    // On "You have proved your identity": Continue to the service, through the hub's answer form to the redirect URI.
    private async Task ContinueToServiceAsync()
    {
        await Citizen.ExpectHubPageAsync("/continue", MatchingSteps.MatchedHeading);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to " + ServiceName, Exact = true }).ClickAsync();
        await Rp.ExpectAtCallbackAsync();
    }
}
