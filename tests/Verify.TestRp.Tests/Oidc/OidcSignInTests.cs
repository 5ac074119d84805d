using System.Net;
using System.Security.Cryptography;
using System.Text;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.TestRp.Oidc;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests.Oidc;

/// <summary>
/// The test RP's OIDC registration against an in-memory hub (ADR 0024): what it sends (code flow, PKCE S256, state,
/// nonce, acr_values, a private_key_jwt assertion in the rfc7523bis profile), and that it shows the verified identity
/// only from an ID token it validated.
/// </summary>
public sealed class OidcSignInTests
{
    private static readonly string[] Scopes = ["openid", "verified_claims"];

    private OidcRp _rp = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _rp = await OidcRp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _rp.DisposeAsync();

    [Test]
    public async Task Start_SendsTheCodeFlowWithPkceS256_StateNonceAndAcrValues()
    {
        using var browser = _rp.NewBrowser();

        var request = await _rp.StartAsync(browser);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request["client_id"], Is.EqualTo(OidcRp.ClientId));
            Assert.That(request["response_type"], Is.EqualTo("code"));
            Assert.That(request["redirect_uri"], Is.EqualTo(new Uri(_rp.BaseUrl, TestRpPaths.OidcCallback).AbsoluteUri));
            Assert.That(request["scope"]!.Split(' '), Is.EquivalentTo(Scopes));
            Assert.That(request["code_challenge_method"], Is.EqualTo("S256"));
            Assert.That(request["code_challenge"], Has.Length.EqualTo(43));
            // A reference to the stored state token: the hub takes a state of at most 1024 characters (ADR 0021).
            Assert.That(request["state"], Has.Length.InRange(20, 1024));
            Assert.That(request["nonce"], Has.Length.GreaterThan(20));
            Assert.That(request["acr_values"], Is.EqualTo(Verify.Saml.Saml.AuthnContexts.Level2));
        }
    }

    [Test]
    public async Task Callback_RedeemsTheCodeWithAPrivateKeyJwtAndTheVerifier_AndShowsTheIdentity()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser);

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        var form = _rp.Hub.TokenRequest!;
        var assertion = new JsonWebToken(form["client_assertion"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), Html.TextById(html, "error-reason"));
            Assert.That(Html.TextById(html, "pairwise-identifier"), Is.EqualTo(FakeHub.Sub));
            Assert.That(Html.TextById(html, "level-of-assurance"), Is.EqualTo("LEVEL_2"));
            Assert.That(Html.TextById(html, "service-entity-id"), Is.EqualTo(OidcRp.ClientId));
            Assert.That(Html.SummaryValue(html, "given_name"), Is.EqualTo("Jane"));
            Assert.That(Html.SummaryValue(html, "birthdate"), Is.EqualTo("1980-02-29"));
            Assert.That(Html.SummaryValue(html, "address"), Is.EqualTo("1 High Street Testville TE1 1ST GB"));
            Assert.That(Html.SummaryValue(html, "assurance_level"), Is.EqualTo("LEVEL_2"));

            // RFC 7636 4.6: S256(verifier) is the challenge sent; RFC 7523 + rfc7523bis: typ and aud = the issuer.
            Assert.That(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"]))), Is.EqualTo(request["code_challenge"]));
            Assert.That(form["client_assertion_type"], Is.EqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
            Assert.That(assertion.Typ, Is.EqualTo("client-authentication+jwt"));
            Assert.That(assertion.Audiences, Is.EqualTo(new[] { FakeHub.Issuer.AbsoluteUri }));
            Assert.That(assertion.Issuer, Is.EqualTo(OidcRp.ClientId));
            Assert.That(assertion.Subject, Is.EqualTo(OidcRp.ClientId));
            Assert.That(assertion.Alg, Is.EqualTo("RS256"));
            Assert.That(assertion.Kid, Is.EqualTo(OidcClientKey.KeyId(Verify.Testing.SampleCerts.Certificate("test-rp-signing"))));
        }
    }

    [Test]
    public async Task Callback_Replayed_IsRefused_AndTheCodeNotRedeemedAgain()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser);
        var (first, _) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));
        var calls = _rp.Hub.TokenCalls;

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
        AssertRefused(status, html);
        Assert.That(_rp.Hub.TokenCalls, Is.EqualTo(calls), "the state token is redeemed once");
    }

    [TestCase("aud", "https://another-service.example", TestName = "An ID token for another client is refused")]
    [TestCase("nonce", "not-the-nonce-we-sent", TestName = "An ID token with another nonce is refused")]
    [TestCase("iss", "https://not-the-hub.test/", TestName = "An ID token from another issuer is refused")]
    public async Task Callback_WrongIdToken_IsRefused_AndNothingShown(string claim, string value)
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser);
        _rp.Hub.IdToken[claim] = value;

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        AssertRefused(status, html);
    }

    [Test]
    public async Task Callback_IdTokenSignedByAnotherKey_IsRefused()
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser);
        _rp.Hub.SignWith(Verify.Testing.SampleCerts.CertificateWithKey("stub-idp-signing"));

        try
        {
            var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));
            AssertRefused(status, html);
        }
        finally
        {
            _rp.Hub.SignWith(null);
        }
    }

    [TestCase(Verify.Saml.Saml.AuthnContexts.Level1, TestName = "An acr below the one asked for is refused")]
    [TestCase(Verify.Saml.Saml.AuthnContexts.LevelX, TestName = "LEVEL_X is refused")]
    public async Task Callback_AcrNotAskedFor_IsRefused(string acr)
    {
        using var browser = _rp.NewBrowser();
        var request = await _rp.StartAsync(browser);
        _rp.Hub.Reset(acr);

        var (status, html) = await OidcRp.CallbackAsync(browser, OidcRp.CodeResponse(request["state"]!));

        AssertRefused(status, html);
        Assert.That(Html.TextById(html, "error-name"), Is.EqualTo("acr_not_requested"));
    }

    internal static void AssertRefused(HttpStatusCode status, string html)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Html.Text(html), Does.Contain("The response was refused"));
            Assert.That(html, Does.Not.Contain(FakeHub.Sub));
            Assert.That(html, Does.Not.Contain("Jane"));
        }
    }
}
