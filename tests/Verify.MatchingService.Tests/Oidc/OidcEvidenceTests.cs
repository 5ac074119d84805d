using Microsoft.IdentityModel.Tokens;

using Verify.MatchingService.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Validation;

namespace Verify.MatchingService.Tests.Oidc;

/// <summary>
/// An OpenID Connect IDP's signed ID token as the evidence of a matching query (ADR 0025), through the real host and
/// the hub's own composer and validator: accepted when signed by the IDP's registered key for the hub's client about
/// the query's subject; refused, and nothing linked, otherwise.
/// </summary>
public sealed class OidcEvidenceTests
{
    private MatchingServiceHost _host = null!;
    private TestHub _hub = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _host = await MatchingServiceHost.StartAsync();
        _hub = new TestHub(_host);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _hub.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task IdTokenOfARegisteredIdp_MatchesOnItsSignedDataset_AndLinksTheHashedPidOfItsSubject()
    {
        var token = Token().Build();

        var answer = await _hub.AskAsync(_hub.OidcQuery(token), Parties.HashedPid("sub-robert-at-oidc-idp", idp: Parties.OidcIdpIssuer));

        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.Match));
            Assert.That(answer.Assertion, Is.Not.Null);
            Assert.That(await _host.Store!.CountLinksAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task IdTokenPastItsExpiryButWithinTheAssertionAgeLimit_IsStillAccepted_AsSamlAssertionsAreOnLaterCycles()
    {
        var token = Token().Build();
        _host.Clock.Advance(TimeSpan.FromMinutes(30));

        var answer = await _hub.AskAsync(_hub.OidcQuery(token));

        Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.Match), "exp is the hub's window; the 60-minute age limit governs here");
    }

    [TestCase("forged: signed by a key not registered for the IDP", "VM1009")]
    [TestCase("an issuer not registered here", "VM1010")]
    [TestCase("the evidence names another issuer than the token", "VM1010")]
    [TestCase("issued to another client than the hub", "VM1011")]
    [TestCase("alg none", "VM1008")]
    [TestCase("HS256 keyed with the IDP's public key", "VM1008")]
    [TestCase("PS384, not on the allow-list", "VM1008")]
    [TestCase("subject other than the query's", "VS5012")]
    [TestCase("issued more than 60 minutes ago", "VM1012")]
    [TestCase("issued in the future", "VM1012")]
    [TestCase("level below the configured minimum", "VM1001")]
    [TestCase("not a JWS", "VM1007")]
    public async Task BrokenEvidence_IsRefusedAsRequester_AndLinksNothing(string attack, string expectedErrorId)
    {
        var query = attack switch
        {
            "forged: signed by a key not registered for the IDP" => _hub.OidcQuery((Token() with { SignerStem = "hub-signing" }).Build()),
            "an issuer not registered here" => _hub.OidcQuery((Token() with { Issuer = "https://idp.test/other-oidc" }).Build(), issuer: "https://idp.test/other-oidc"),
            "the evidence names another issuer than the token" => _hub.OidcQuery((Token() with { Issuer = "https://idp.test/other-oidc" }).Build()),
            "issued to another client than the hub" => _hub.OidcQuery((Token() with { Audience = "https://elsewhere.test/client" }).Build()),
            "alg none" => _hub.OidcQuery((Token() with { Algorithm = "none" }).Build()),
            "HS256 keyed with the IDP's public key" => _hub.OidcQuery((Token() with { Algorithm = SecurityAlgorithms.HmacSha256 }).Build()),
            "PS384, not on the allow-list" => _hub.OidcQuery((Token() with { Algorithm = SecurityAlgorithms.RsaSsaPssSha384 }).Build()),
            "subject other than the query's" => _hub.OidcQuery(Token().Build(), subject: "sub-someone-else"),
            "issued more than 60 minutes ago" => _hub.OidcQuery((Token() with { IssuedAt = _hub.Now.AddMinutes(-62), Lifetime = TimeSpan.FromMinutes(90) }).Build()),
            "issued in the future" => _hub.OidcQuery((Token() with { IssuedAt = _hub.Now.AddMinutes(10) }).Build()),
            "level below the configured minimum" => _hub.OidcQuery((Token() with { Acr = AuthnContexts.Level1 }).Build()),
            _ => _hub.OidcQuery("bm90.YS5qd3M.c2lnbmF0dXJl"),
        };

        var answer = await _hub.ValidateAsync(await _hub.SendAsync(_hub.Compose(query)), query.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.RequesterError));
            Assert.That(answer.StatusMessage, Is.EqualTo(expectedErrorId));
            Assert.That(answer.Assertion, Is.Null);
            Assert.That(await _host.Store!.CountLinksAsync(), Is.Zero);
        });
    }

    private OidcIdToken Token() => new() { IssuedAt = _hub.Now };
}
