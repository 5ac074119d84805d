using System.Security.Cryptography;

using Verify.Federation.Registration;
using Verify.Testing;

namespace Verify.Federation.Tests.Oidc;

/// <summary>What the federation accepts and refuses of an IDP registered by OpenID Connect issuer (ADR 0022).</summary>
public sealed class OidcIdentityProviderRegistrationTests
{
    [Test]
    public void Create_WithAPinnedPublicJwks_KeepsEverything()
    {
        var registration = OidcTestParties.Register(OidcTestParties.Settings() with { PinnedJwks = OidcTestParties.StubJwks() });

        Assert.Multiple(() =>
        {
            Assert.That(registration.Issuer, Is.EqualTo(OidcTestParties.Issuer));
            Assert.That(registration.ClientId, Is.EqualTo(OidcTestParties.ClientId));
            Assert.That(registration.Levels.ToString(), Is.EqualTo("LEVEL_1,LEVEL_2"));
            Assert.That(registration.PinnedJwks, Does.Contain("\"kty\":\"RSA\""));
        });
    }

    [TestCase("http://oidc-idp.test/oidc", TestName = "Create_RefusesAnHttpIssuer")]
    [TestCase("https://oidc-idp.test/oidc?tenant=1", TestName = "Create_RefusesAnIssuerWithAQuery")]
    [TestCase("https://oidc-idp.test/oidc#f", TestName = "Create_RefusesAnIssuerWithAFragment")]
    [TestCase("/oidc", TestName = "Create_RefusesARelativeIssuer")]
    [TestCase("", TestName = "Create_RefusesAnEmptyIssuer")]
    public void Create_RefusesABadIssuer(string issuer)
    {
        Assert.Throws<RegistrationRefusedException>(() => OidcTestParties.Register(OidcTestParties.Settings() with { Issuer = issuer }));
    }

    [TestCase("profile email", TestName = "Create_RefusesTwoScopesInOne")]
    [TestCase("", TestName = "Create_RefusesAnEmptyScope")]
    [TestCase("pro\"file", TestName = "Create_RefusesAScopeWithAQuote")]
    [TestCase("pro\\file", TestName = "Create_RefusesAScopeWithABackslash")]
    [TestCase("profilé", TestName = "Create_RefusesANonAsciiScope")]
    public void Create_RefusesABadScope(string scope)
    {
        Assert.Throws<RegistrationRefusedException>(() => OidcTestParties.Register(OidcTestParties.Settings() with { Scopes = ["profile", scope] }));
    }

    [Test]
    public void Create_RefusesMoreThanTheMostScopes()
    {
        var scopes = Enumerable.Range(0, OidcChecks.MaxScopes + 1).Select(i => $"scope-{i}").ToList();

        Assert.Throws<RegistrationRefusedException>(() => OidcTestParties.Register(OidcTestParties.Settings() with { Scopes = scopes }));
    }

    [Test]
    public void Create_AllowsLoopbackHttpOnlyWhenAsked()
    {
        var settings = OidcTestParties.Settings() with { Issuer = "http://127.0.0.1:5000/stub-idp-one/oidc" };

        Assert.Multiple(() =>
        {
            Assert.Throws<RegistrationRefusedException>(() => OidcIdentityProviderRegistration.Create(settings));
            Assert.That(OidcIdentityProviderRegistration.Create(settings, allowLoopbackHttp: true).Issuer, Is.EqualTo(settings.Issuer));
        });
    }

    [TestCase("")]
    [TestCase("client\nid")]
    public void Create_RefusesABadClientId(string clientId)
    {
        Assert.Throws<RegistrationRefusedException>(() => OidcTestParties.Register(OidcTestParties.Settings() with { ClientId = clientId }));
    }

    [Test]
    public void Create_RefusesLevelXAndNoLevel()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<RegistrationRefusedException>(() => OidcTestParties.Register(OidcTestParties.Settings("LEVEL_X")));
            Assert.Throws<RegistrationRefusedException>(() => OidcTestParties.Register(OidcTestParties.Settings() with { Levels = [] }));
        });
    }

    [TestCase("private exponent")]
    [TestCase("symmetric")]
    [TestCase("rsa 1024")]
    [TestCase("encryption key")]
    [TestCase("not json")]
    [TestCase("no keys")]
    public void Create_RefusesABadPinnedJwks(string mutation)
    {
        using var weak = RSA.Create(1024);
        var jwks = mutation switch
        {
            "private exponent" => OidcTestParties.RsaJwks(SampleCerts.RsaKey("stub-idp-signing"), new() { ["d"] = "AQAB" }),
            "symmetric" => """{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}""",
            "rsa 1024" => OidcTestParties.RsaJwks(weak),
            "encryption key" => OidcTestParties.RsaJwks(SampleCerts.RsaKey("stub-idp-signing"), new() { ["use"] = "enc" }),
            "not json" => "{keys:",
            _ => """{"keys":[]}""",
        };

        Assert.Throws<RegistrationRefusedException>(() => OidcTestParties.Register(OidcTestParties.Settings() with { PinnedJwks = jwks }));
    }
}
