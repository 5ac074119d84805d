using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Journey.Assurance;
using Verify.Hub.Oidc.Client;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Testing;

namespace Verify.Hub.Tests.Oidc.Client;

/// <summary>
/// The hub's checks of an OpenID Connect IDP's ID token: a valid token is read, and each "break one thing" mutation
/// is refused with its own code (OIDC Core 3.1.3.7; ADR 0022).
/// </summary>
public sealed class IdTokenValidatorTests
{
    private const string Issuer = "https://idp.test/stub-idp-one/oidc";
    private const string ClientId = "https://hub.test/oidc";
    private const string Nonce = "journey-nonce-0001";
    private static readonly string[] Surnames = ["Thompson", "Clarke"];
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task AValidToken_GivesTheSubjectLevelAndDataset()
    {
        var answer = await IdTokenValidator.ValidateAsync(Token(), Expected());

        Assert.Multiple(() =>
        {
            Assert.That(answer.IsFraud, Is.False);
            Assert.That(answer.Subject, Is.EqualTo("pid-1234"));
            Assert.That(answer.Level, Is.EqualTo(LevelOfAssurance.Level2));
            Assert.That(answer.Dataset!.Surnames.Select(s => s.Value), Is.EqualTo(Surnames));
            Assert.That(answer.Dataset.Surnames[1].To, Is.EqualTo(new DateOnly(2014, 7, 18)));
        });
    }

    [Test]
    public async Task StandardClaimsWithoutVerifysDataset_AreReadAsTheCurrentValues()
    {
        var answer = await IdTokenValidator.ValidateAsync(Token(c => c.Remove(IdpClaimNames.MatchingDataset)), Expected());

        Assert.Multiple(() =>
        {
            Assert.That(answer.Dataset!.FirstNames.Single().Value, Is.EqualTo("Sarah"));
            Assert.That(answer.Dataset.DatesOfBirth.Single().Value, Is.EqualTo(new DateOnly(1985, 3, 12)));
        });
    }

    [Test]
    public async Task LevelX_WithItsIndicators_IsAFraudReport()
    {
        var answer = await IdTokenValidator.ValidateAsync(
            Token(c =>
            {
                c["acr"] = AuthnContexts.LevelX;
                c[IdpClaimNames.Gpg45Status] = "DF01";
                c[IdpClaimNames.FraudEventId] = "fraud-1";
            }),
            Expected());

        Assert.Multiple(() =>
        {
            Assert.That(answer.IsFraud, Is.True);
            Assert.That(answer.Gpg45Status, Is.EqualTo(Gpg45Status.DF01));
            Assert.That(answer.FraudEventId, Is.EqualTo("fraud-1"));
        });
    }

    [TestCase("wrong issuer", OidcClientErrorCode.IdTokenIssuerMismatch)]
    [TestCase("issuer with trailing slash", OidcClientErrorCode.IdTokenIssuerMismatch)]
    [TestCase("wrong audience", OidcClientErrorCode.IdTokenAudienceMismatch)]
    [TestCase("two audiences without azp", OidcClientErrorCode.IdTokenAudienceMismatch)]
    [TestCase("azp another client", OidcClientErrorCode.IdTokenAudienceMismatch)]
    [TestCase("wrong nonce", OidcClientErrorCode.IdTokenNonceMismatch)]
    [TestCase("no nonce", OidcClientErrorCode.IdTokenNonceMismatch)]
    [TestCase("expired", OidcClientErrorCode.IdTokenExpired)]
    [TestCase("issued long ago", OidcClientErrorCode.IdTokenExpired)]
    [TestCase("issued in the future", OidcClientErrorCode.IdTokenExpired)]
    [TestCase("no subject", OidcClientErrorCode.IdTokenSubjectMissing)]
    [TestCase("acr above certified level", OidcClientErrorCode.IdTokenLevelRefused)]
    [TestCase("unknown acr", OidcClientErrorCode.IdTokenLevelRefused)]
    [TestCase("no acr", OidcClientErrorCode.IdTokenLevelRefused)]
    [TestCase("levelX without indicators", OidcClientErrorCode.IdTokenFraudIndicatorsMissing)]
    [TestCase("levelX with an unknown indicator", OidcClientErrorCode.IdTokenFraudIndicatorsMissing)]
    [TestCase("no dataset", OidcClientErrorCode.IdTokenClaimsInvalid)]
    [TestCase("dataset not an object of ours", OidcClientErrorCode.IdTokenClaimsInvalid)]
    public void AMutatedClaim_IsRefused(string mutation, OidcClientErrorCode expected)
    {
        var token = Token(claims =>
        {
            switch (mutation)
            {
                case "wrong issuer": claims["iss"] = "https://idp.test/stub-idp-two/oidc"; break;
                case "issuer with trailing slash": claims["iss"] = Issuer + "/"; break;
                case "wrong audience": claims["aud"] = "https://other-client.test"; break;
                case "two audiences without azp": claims["aud"] = new[] { ClientId, "https://other-client.test" }; break;
                case "azp another client": claims["azp"] = "https://other-client.test"; break;
                case "wrong nonce": claims["nonce"] = "another-journeys-nonce"; break;
                case "no nonce": claims.Remove("nonce"); break;
                case "expired": claims["exp"] = Now.AddMinutes(-2).ToUnixTimeSeconds(); break;
                case "issued long ago": claims["iat"] = Now.AddMinutes(-30).ToUnixTimeSeconds(); break;
                case "issued in the future": claims["iat"] = Now.AddMinutes(5).ToUnixTimeSeconds(); break;
                case "no subject": claims.Remove("sub"); break;
                case "acr above certified level": claims["acr"] = AuthnContexts.Level3; break;
                case "unknown acr": claims["acr"] = "urn:example:loa:high"; break;
                case "no acr": claims.Remove("acr"); break;
                case "levelX without indicators": claims["acr"] = AuthnContexts.LevelX; break;
                case "levelX with an unknown indicator":
                    claims["acr"] = AuthnContexts.LevelX;
                    claims[IdpClaimNames.Gpg45Status] = "ZZ99";
                    claims[IdpClaimNames.FraudEventId] = "fraud-1";
                    break;
                case "no dataset":
                    claims.Remove(IdpClaimNames.MatchingDataset);
                    claims.Remove("given_name");
                    break;
                default: claims[IdpClaimNames.MatchingDataset] = JsonDocument.Parse("""{"firstNames":"Sarah"}""").RootElement; break;
            }
        });

        var refused = Assert.ThrowsAsync<OidcClientException>(() => IdTokenValidator.ValidateAsync(token, Expected()));

        Assert.That(refused!.Code, Is.EqualTo(expected), refused.Message);
    }

    [TestCase("signed by another key", OidcClientErrorCode.IdTokenSignatureInvalid)]
    [TestCase("alg none", OidcClientErrorCode.IdTokenAlgorithmRefused)]
    [TestCase("HS256 with the public key as secret", OidcClientErrorCode.IdTokenAlgorithmRefused)]
    [TestCase("signature altered", OidcClientErrorCode.IdTokenSignatureInvalid)]
    [TestCase("not a JWS", OidcClientErrorCode.IdTokenMalformed)]
    [TestCase("empty", OidcClientErrorCode.IdTokenMalformed)]
    public void AForgedToken_IsRefused(string mutation, OidcClientErrorCode expected)
    {
        var valid = Token();
        var token = mutation switch
        {
            "signed by another key" => Token(signer: "test-rp-signing"),
            "alg none" => Header("""{"alg":"none","typ":"JWT"}""") + "." + valid.Split('.')[1] + ".",
            "HS256 with the public key as secret" => Hmac(valid.Split('.')[1]),
            "signature altered" => valid[..^6] + (valid.EndsWith("AAAAAA", StringComparison.Ordinal) ? "BBBBBB" : "AAAAAA"),
            "not a JWS" => "not.a.token.at.all",
            _ => "",
        };

        var refused = Assert.ThrowsAsync<OidcClientException>(() => IdTokenValidator.ValidateAsync(token, Expected()));

        Assert.That(refused!.Code, Is.EqualTo(expected), refused.Message);
    }

    [Test]
    public async Task UserInfo_FillsOnlyTheStandardClaimsTheIdTokenLacks_AndListsThemAsVouchedByTheHub()
    {
        var token = Token(c =>
        {
            c.Remove(IdpClaimNames.MatchingDataset);
            c.Remove("given_name");
            c.Remove("birthdate");
        });
        var userInfo = UserInfo("pid-1234", ("given_name", "Sarah"), ("family_name", "Mallory"), ("birthdate", "1985-03-12"), ("verify_mds", "{}"));

        var answer = await IdTokenValidator.ValidateAsync(token, Expected() with { UserInfo = userInfo });

        Assert.Multiple(() =>
        {
            Assert.That(answer.Dataset!.FirstNames.Single().Value, Is.EqualTo("Sarah"));
            Assert.That(answer.Dataset.Surnames.Single().Value, Is.EqualTo("Thompson"), "what the IDP signed is never replaced");
            Assert.That(answer.Dataset.DatesOfBirth.Single().Value, Is.EqualTo(new DateOnly(1985, 3, 12)));
            Assert.That(answer.VouchedByHub, Is.EqualTo(new[]
            {
                new MatchingQueryVouchedClaim("given_name", "Sarah"),
                new MatchingQueryVouchedClaim("birthdate", "1985-03-12"),
            }));
        });
    }

    [Test]
    public async Task UserInfo_IsNotUsed_WhenTheIdTokenCarriesVerifysDataset()
    {
        var userInfo = UserInfo("pid-1234", ("given_name", "Mallory"), ("middle_name", "Eve"));

        var answer = await IdTokenValidator.ValidateAsync(Token(), Expected() with { UserInfo = userInfo });

        Assert.Multiple(() =>
        {
            Assert.That(answer.Dataset!.FirstNames.Single().Value, Is.EqualTo("Sarah"));
            Assert.That(answer.Dataset.MiddleNames, Is.Empty);
            Assert.That(answer.VouchedByHub, Is.Empty);
        });
    }

    [Test]
    public void UserInfo_AboutAnotherSubject_IsRefused()
    {
        var token = Token(c => c.Remove(IdpClaimNames.MatchingDataset));

        var refused = Assert.ThrowsAsync<OidcClientException>(() =>
            IdTokenValidator.ValidateAsync(token, Expected() with { UserInfo = UserInfo("pid-9999", ("given_name", "Sarah")) }));

        Assert.That(refused!.Code, Is.EqualTo(OidcClientErrorCode.UserInfoSubjectMismatch));
    }

    [Test]
    public void UserInfo_ValuesThatAreNotOneStringWithinTheLimit_AreNotTaken()
    {
        var token = Token(c =>
        {
            c.Remove(IdpClaimNames.MatchingDataset);
            c.Remove("given_name");
        });
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "pid-1234"),
            new Claim("given_name", "Sarah"),
            new Claim("given_name", "Sally"),
        ]));
        var tooLong = UserInfo("pid-1234", ("given_name", new string('a', 513)));
        var number = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "pid-1234"), new Claim("given_name", "42", ClaimValueTypes.Integer)]));

        Assert.Multiple(() =>
        {
            foreach (var userInfo in new[] { UserInfoClaims.From(principal), tooLong, UserInfoClaims.From(number) })
            {
                var refused = Assert.ThrowsAsync<OidcClientException>(() => IdTokenValidator.ValidateAsync(token, Expected() with { UserInfo = userInfo }));
                Assert.That(refused!.Code, Is.EqualTo(OidcClientErrorCode.IdTokenClaimsInvalid));
            }
        });
    }

    [Test]
    public void ErrorCodes_HaveStableCatalogueIds()
    {
        Assert.That(new OidcClientException(OidcClientErrorCode.IdTokenIssuerMismatch, "x").ErrorId, Is.EqualTo("VO3004"));
    }

    private static UserInfoClaims UserInfo(string subject, params (string Name, string Value)[] claims) =>
        UserInfoClaims.From(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", subject), .. claims.Select(c => new Claim(c.Name, c.Value))])));

    private static ExpectedIdToken Expected() => new()
    {
        Issuer = Issuer,
        ClientId = ClientId,
        Nonce = Nonce,
        SigningKeys = [new X509SecurityKey(SampleCerts.Certificate("stub-idp-signing"))],
        CertifiedLevels = LevelOfAssuranceSet.Of(LevelOfAssurance.Level1, LevelOfAssurance.Level2),
        Now = Now,
    };

    private static string Token(Action<Dictionary<string, object>>? mutate = null, string signer = "stub-idp-signing")
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = "pid-1234",
            ["aud"] = ClientId,
            ["exp"] = Now.AddMinutes(5).ToUnixTimeSeconds(),
            ["iat"] = Now.AddSeconds(-5).ToUnixTimeSeconds(),
            ["nonce"] = Nonce,
            ["acr"] = AuthnContexts.Level2,
            ["given_name"] = "Sarah",
            ["family_name"] = "Thompson",
            ["birthdate"] = "1985-03-12",
            [IdpClaimNames.MatchingDataset] = JsonDocument.Parse("""
                {
                  "firstNames": [{ "value": "Sarah", "verified": true }],
                  "surnames": [{ "value": "Thompson", "from": "2014-07-19", "verified": true },
                               { "value": "Clarke", "from": "1985-03-12", "to": "2014-07-18", "verified": true }],
                  "datesOfBirth": [{ "value": "1985-03-12", "verified": true }],
                  "genders": [{ "value": "Female", "verified": true }]
                }
                """).RootElement,
        };
        mutate?.Invoke(claims);
        var key = new RsaSecurityKey(SampleCerts.RsaKey(signer)) { KeyId = signer };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            JsonSerializer.Serialize(claims), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    private static string Header(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    // The classic confusion attack: HMAC keyed with the IDP's public key, hoping the verifier uses it as a secret.
    private static string Hmac(string payload)
    {
        var secret = SampleCerts.Certificate("stub-idp-signing").GetRSAPublicKey()!.ExportSubjectPublicKeyInfo();
        var signingInput = Header("""{"alg":"HS256","typ":"JWT"}""") + "." + payload;
        var signature = System.Security.Cryptography.HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }
}
