using System.Security.Cryptography;

using Verify.Federation.Parties;
using Verify.Federation.Registration;

namespace Verify.Federation.Tests.Oidc;

/// <summary>The federation's rules for an OIDC relying party: start from a valid registration, break one thing.</summary>
public sealed class OidcRelyingPartyRegistrationTests
{
    private static readonly string[] DefaultScopes = ["openid", "verified_claims"];
    private static readonly string[] Names = ["family_name", "given_name"];

    private static readonly string HashOfGoodSecret = ClientSecretHasher.Hash(new string('s', 40));

    [Test]
    public void Create_GivesDefaults_OpenidAndVerifiedClaimsScopes_SectorIsTheClientId()
    {
        var registration = OidcTestClients.Register();

        Assert.Multiple(() =>
        {
            Assert.That(registration.Scopes, Is.EqualTo(DefaultScopes));
            Assert.That(registration.Sector, Is.EqualTo(OidcTestClients.ClientId));
            Assert.That(registration.Claims, Is.EqualTo(Names));
            Assert.That(registration.ClientSecretHash, Is.Null);
            Assert.That(registration.JwksUri, Is.Null);
            Assert.That(registration.IdTokenSignedResponseAlg, Is.EqualTo("RS256"), "OIDC Dynamic Client Registration 2: RS256 by default");
        });
    }

    [TestCase("RS256")]
    [TestCase("PS256")]
    [TestCase("ES256")]
    public void Create_AcceptsAnIdTokenAlgTheHubSignsWith(string alg) =>
        Assert.That(OidcTestClients.Register(OidcTestClients.Settings() with { IdTokenSignedResponseAlg = alg }).IdTokenSignedResponseAlg, Is.EqualTo(alg));

    [Test]
    public void ContentHash_OfTheDefaultAlg_IsTheHashWithoutIt_AndAnotherAlgChangesIt()
    {
        var unnamed = OidcTestClients.Register();
        var rs256 = OidcTestClients.Register(OidcTestClients.Settings() with { IdTokenSignedResponseAlg = "RS256" });
        var es256 = OidcTestClients.Register(OidcTestClients.Settings() with { IdTokenSignedResponseAlg = "ES256" });

        Assert.Multiple(() =>
        {
            Assert.That(rs256.ContentHash, Is.EqualTo(unnamed.ContentHash), "registrations made before the field existed stay unchanged");
            Assert.That(es256.ContentHash, Is.Not.EqualTo(unnamed.ContentHash));
        });
    }

    [Test]
    public void Create_AcceptsAJwksUriInsteadOfAJwks_AndAWellFormedSecretHash()
    {
        var registration = OidcTestClients.Register(OidcTestClients.Settings() with
        {
            Jwks = null,
            JwksUri = "https://oidc-rp.test/jwks",
            ClientSecretHash = HashOfGoodSecret,
            Sector = "https://sector.test",
        });

        Assert.Multiple(() =>
        {
            Assert.That(registration.JwksUri, Is.EqualTo("https://oidc-rp.test/jwks"));
            Assert.That(registration.ClientSecretHash, Is.EqualTo(HashOfGoodSecret));
            Assert.That(registration.Sector, Is.EqualTo("https://sector.test"));
        });
    }

    [Test]
    public void Create_AcceptsALoopbackHttpRedirect_OnlyWhenAllowed()
    {
        var settings = OidcTestClients.Settings() with { RedirectUris = ["http://127.0.0.1:5001/callback"] };

        Assert.Multiple(() =>
        {
            Assert.That(OidcTestClients.Register(settings, allowLoopbackHttp: true).RedirectUris, Has.Count.EqualTo(1));
            Assert.Throws<RegistrationRefusedException>(() => OidcTestClients.Register(settings));
        });
    }

    private static IEnumerable<TestCaseData> BrokenOneThing()
    {
        static TestCaseData Case(string name, Func<OidcRelyingPartySettings, OidcRelyingPartySettings> breakIt, string says) =>
            new TestCaseData(breakIt, says).SetName("Create_Refuses_" + name);

        yield return Case("NoRedirectUri", s => s with { RedirectUris = [] }, "at least one redirect URI");
        yield return Case("HttpRedirectUri", s => s with { RedirectUris = ["http://oidc-rp.test/callback"] }, "not https");
        yield return Case("RedirectUriWithFragment", s => s with { RedirectUris = ["https://oidc-rp.test/callback#x"] }, "without fragment");
        yield return Case("RelativeRedirectUri", s => s with { RedirectUris = ["/callback"] }, "absolute https URL");
        yield return Case("ElevenRedirectUris", s => s with { RedirectUris = [.. Enumerable.Range(0, 11).Select(i => $"https://oidc-rp.test/{i}")] }, "at most 10");
        yield return Case("HttpPostLogoutRedirectUri", s => s with { PostLogoutRedirectUris = ["http://oidc-rp.test/bye"] }, "not https");
        yield return Case("BothJwksAndJwksUri", s => s with { JwksUri = "https://oidc-rp.test/jwks" }, "not both");
        yield return Case("NeitherJwksNorJwksUri", s => s with { Jwks = null }, "not neither");
        yield return Case("HttpJwksUri", s => s with { Jwks = null, JwksUri = "http://oidc-rp.test/jwks" }, "not https");
        yield return Case("PrivateKeyInJwks", s => s with { Jwks = OidcTestParties.RsaJwks(RSA.Create(2048), new() { ["d"] = "AQAB" }) }, "private");
        yield return Case("Rsa1024InJwks", s => s with { Jwks = OidcTestParties.RsaJwks(RSA.Create(1024)) }, "2048");
        yield return Case("JwksNotJson", s => s with { Jwks = "not json" }, "not JSON");
        yield return Case("UnknownClaim", s => s with { Claims = ["given_name", "gender"] }, "'gender'");
        yield return Case("UnknownScope", s => s with { Scopes = ["openid", "profile"] }, "'profile'");
        yield return Case("LevelX", s => s with { Levels = ["LEVEL_X"] }, "LEVEL_X");
        yield return Case("NoLevel", s => s with { Levels = [] }, "No level of assurance");
        yield return Case("ClientIdWithSpace", s => s with { ClientId = "my client" }, "without spaces");
        yield return Case("EmptyClientId", s => s with { ClientId = " " }, "client ID");
        yield return Case("SecretInsteadOfHash", s => s with { ClientSecretHash = "correct horse battery staple" }, "PBKDF2");
        yield return Case("IdTokenAlgNone", s => s with { IdTokenSignedResponseAlg = "none" }, "RS256, PS256, ES256");
        yield return Case("IdTokenAlgHs256", s => s with { IdTokenSignedResponseAlg = "HS256" }, "'HS256'");
        yield return Case("IdTokenAlgLowerCase", s => s with { IdTokenSignedResponseAlg = "es256" }, "'es256'");
        yield return Case("HttpHomepage", s => s with { ServiceHomepage = "http://oidc-rp.test/" }, "service homepage");
    }

    [TestCaseSource(nameof(BrokenOneThing))]
    public void Create_RefusesWithAMessageThatSaysWhatToFix(Func<OidcRelyingPartySettings, OidcRelyingPartySettings> breakIt, string says)
    {
        var refused = Assert.Throws<RegistrationRefusedException>(() => OidcTestClients.Register(breakIt(OidcTestClients.Settings())));
        Assert.That(refused!.Message, Does.Contain(says));
    }

    [Test]
    public void ContentHash_IgnoresEnabled_ButNotRedirectUris()
    {
        var first = OidcTestClients.Register();
        var disabled = OidcTestClients.Register(OidcTestClients.Settings() with { Enabled = false });
        var moved = OidcTestClients.Register(OidcTestClients.Settings() with { RedirectUris = ["https://oidc-rp.test/other"] });

        Assert.Multiple(() =>
        {
            Assert.That(disabled.ContentHash, Is.EqualTo(first.ContentHash));
            Assert.That(moved.ContentHash, Is.Not.EqualTo(first.ContentHash));
        });
    }

    [Test]
    public void ClientSecretHasher_VerifiesTheSecret_AndRefusesAShortOne()
    {
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var hash = ClientSecretHasher.Hash(secret);

        Assert.Multiple(() =>
        {
            Assert.That(ClientSecretHasher.Verify(hash, secret), Is.True);
            Assert.That(ClientSecretHasher.Verify(hash, secret + "x"), Is.False);
            Assert.That(ClientSecretHasher.Hash(secret), Is.Not.EqualTo(hash), "a fresh salt each time");
            Assert.That(hash, Does.Not.Contain(secret));
            Assert.Throws<RegistrationRefusedException>(() => ClientSecretHasher.Hash("short"));
        });
    }

    [Test]
    public void DisplayName_IsRequired()
    {
        Assert.Throws<RegistrationRefusedException>(() => OidcTestClients.Register(OidcTestClients.Settings() with { DisplayName = null! }));
        Assert.That(OidcTestClients.Register().DisplayName, Is.EqualTo(new BilingualText("OIDC service", "Gwasanaeth OIDC")));
    }
}
