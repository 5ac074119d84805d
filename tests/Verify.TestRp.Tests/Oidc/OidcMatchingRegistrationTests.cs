using System.Net;
using System.Text.Json.Nodes;

using Microsoft.IdentityModel.JsonWebTokens;

using Verify.Saml.Saml;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests.Oidc;

/// <summary>
/// Several OIDC registrations of one test RP (ADR 0024 addendum), one of them registered with a matching service (ADR
/// 0026): each signs in as its own client, the callback reads the answer by the registration its state token names,
/// and the match claims are shown under the SAML side's names when they are one short string each, else refused.
/// </summary>
public sealed class OidcMatchingRegistrationTests
{
    private const string HashedPid = "0c3f5e2d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d";

    private OidcRp _rp = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _rp = await OidcRp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _rp.DisposeAsync();

    [Test]
    public async Task TheStartPage_OffersBothRegistrations_AndPreselectsTheOneAskedFor()
    {
        using var browser = _rp.NewBrowser();

        using var page = await browser.GetAsync(TestRpPaths.Start + "?service=" + OidcRp.MatchingKey);
        var html = await page.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Contain("client " + OidcRp.ClientId));
            Assert.That(html, Does.Contain("client " + OidcRp.MatchingClientId));
            Assert.That(html, Does.Match($"id=\"service-{OidcRp.MatchingKey}\"[^>]*checked"));
        }
    }

    [Test]
    public async Task TheMatchingRegistration_SignsInAsItsOwnClient_AndShowsTheMatchClaims()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser, OidcRp.MatchingKey);
        SetMatchClaims("match", HashedPid);

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        var assertion = new JsonWebToken(_rp.Hub.TokenRequest!["client_assertion"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request["client_id"], Is.EqualTo(OidcRp.MatchingClientId));
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), Html.TextById(html, "error-reason"));
            Assert.That(assertion.Issuer, Is.EqualTo(OidcRp.MatchingClientId), "private_key_jwt as the matching client");
            Assert.That(Html.TextById(html, "service-entity-id"), Is.EqualTo(OidcRp.MatchingClientId));
            Assert.That(Html.TextById(html, "pairwise-identifier"), Is.EqualTo(FakeHub.Sub));
            Assert.That(Html.SummaryValue(html, "matchOutcome"), Is.EqualTo("match"));
            Assert.That(Html.SummaryValue(html, "hashedPid"), Is.EqualTo(HashedPid));
            Assert.That(Html.SummaryValue(html, "given_name"), Is.EqualTo("Jane"));
        }
    }

    [Test]
    public async Task WithoutMatchClaims_NoneIsShown()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser);

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Html.SummaryValue(html, "matchOutcome"), Is.Null);
    }

    [Test]
    public async Task AnIdTokenForTheOtherRegistration_IsRefused()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser, OidcRp.MatchingKey);

        // The state names the matching registration: a token addressed to the other client is not its answer.
        _rp.Hub.IdToken["aud"] = OidcRp.ClientId;
        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        OidcSignInTests.AssertRefused(status, html);
    }

    [Test]
    public async Task AMatchOutcomeThatIsNotAString_IsRefused()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser, OidcRp.MatchingKey);
        _rp.Hub.IdToken[HubAttributeNames.MatchOutcome] = 1;

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        OidcSignInTests.AssertRefused(status, html);
        Assert.That(Html.TextById(html, "error-name"), Is.EqualTo("match_claim_malformed"));
    }

    [Test]
    public async Task IdTokenAndUserInfoDisagreeingOnTheHashedPid_IsRefused()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser, OidcRp.MatchingKey);
        SetMatchClaims("match", HashedPid);
        _rp.Hub.MoreUserInfo[HubAttributeNames.HashedPid] = HashedPid.Replace('0', '1');

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        OidcSignInTests.AssertRefused(status, html);
        Assert.That(Html.TextById(html, "error-name"), Is.EqualTo("match_claim_inconsistent"));
    }

    [Test]
    public async Task AHashedPidTooLong_IsRefused()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser, OidcRp.MatchingKey);
        SetMatchClaims("match", new string('a', 256));

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        OidcSignInTests.AssertRefused(status, html);
        Assert.That(Html.TextById(html, "error-name"), Is.EqualTo("match_claim_malformed"));
    }

    // The hub states them in the ID token and at userinfo alike (ADR 0026).
    private void SetMatchClaims(string outcome, string hashedPid)
    {
        _rp.Hub.IdToken[HubAttributeNames.MatchOutcome] = outcome;
        _rp.Hub.IdToken[HubAttributeNames.HashedPid] = hashedPid;
        _rp.Hub.MoreUserInfo[HubAttributeNames.MatchOutcome] = JsonValue.Create(outcome);
        _rp.Hub.MoreUserInfo[HubAttributeNames.HashedPid] = JsonValue.Create(hashedPid);
    }
}
