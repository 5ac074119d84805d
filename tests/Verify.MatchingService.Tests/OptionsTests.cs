using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

using Verify.MatchingService.Tests.Support;
using Verify.Saml.Trust;
using Verify.Testing;

namespace Verify.MatchingService.Tests;

/// <summary>The matching service refuses to start with an insecure or inconsistent configuration, naming each problem.</summary>
public sealed class OptionsTests
{
    private static readonly Dictionary<string, Func<MatchingServiceOptions, MatchingServiceOptions>> Changes = [];

    private static MatchingServiceOptions Valid => Parties.Options(new FakeTimeProvider());

    [Test]
    public void SampleFederationOptions_AreValid()
    {
        Assert.That(Valid.Problems(), Is.Empty);
    }

    public static IEnumerable<TestCaseData> Breaks()
    {
        yield return Case("signing key without its private key", o => o with { SigningCertificate = SampleCerts.Certificate("matching-service-signing") }, "SigningCertificate");
        yield return Case("weak published signing key", o => o with { PublishedSigningCertificates = [SampleCerts.Certificate("weak-rsa1024-signing")] }, "PublishedSigningCertificates");
        yield return Case("no encryption key", o => o with { EncryptionCertificates = [] }, "EncryptionCertificates");
        yield return Case("weak hub signing key", o => o with { HubSigningCertificates = [SampleCerts.Certificate("weak-rsa1024-signing")] }, "HubSigningCertificates");
        yield return Case("an IDP with the hub's entity ID", o => o with { Idps = [new TrustedIdp(Parties.HubEntityId, [SampleCerts.Certificate("stub-idp-signing")])] }, "IDP 'https://hub.test'");
        yield return Case("a pkix IDP without trust anchors", o => o with { Idps = [new TrustedIdp(Parties.IdpEntityId, [SampleCerts.Certificate("stub-idp-signing")], TrustKind.Pkix)] }, "needs TrustAnchors");
        yield return Case("the same IDP twice", o => o with { Idps = [.. o.Idps, o.Idps[0]] }, "unique");
        yield return Case("an OIDC IDP on plain http off loopback", o => o with { OidcIdps = [o.OidcIdps[0] with { Issuer = "http://idp.test/oidc" }] }, "https issuer");
        yield return Case("an OIDC IDP without the hub's client ID", o => o with { OidcIdps = [o.OidcIdps[0] with { ClientId = "" }] }, "client ID");
        yield return Case("an OIDC IDP without keys", o => o with { OidcIdps = [o.OidcIdps[0] with { SigningKeys = [] }] }, "at least one signing key");
        yield return Case("an OIDC IDP with a symmetric (HMAC) key", o => o with { OidcIdps = [o.OidcIdps[0] with { SigningKeys = [new JsonWebKey { Kty = "oct", K = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0" }] }] }, "public keys only");
        yield return Case("an OIDC IDP with a 1024-bit RSA key", o => o with { OidcIdps = [o.OidcIdps[0] with { SigningKeys = [Parties.PublicJwk("weak-rsa1024-signing")] }] }, "RSA (2048 bits or more)");
        yield return Case("the same OIDC IDP twice", o => o with { OidcIdps = [.. o.OidcIdps, o.OidcIdps[0]] }, "issuers must be unique");
        yield return Case("LEVEL_X as the minimum", o => o with { MinimumLevelOfAssurance = "LEVEL_X" }, "MinimumLevelOfAssurance");
        yield return Case("IDP assertions accepted for a day", o => o with { IdpAssertionMaxAge = TimeSpan.FromDays(1) }, "IdpAssertionMaxAge");
        yield return Case("a 10 MiB request limit", o => o with { MaxRequestBytes = 10 * 1024 * 1024 }, "MaxRequestBytes");
        yield return Case("mutual TLS without a port or a client certificate", o => o with { MatchApi = new MatchApiOptions { Mode = MatchApiMode.MutualTls } }, "MatchApi");
    }

    [Test]
    public void OidcIdpsAlone_AreEnoughIdps_AndLoopbackHttpIsAllowedForADevelopmentStub()
    {
        var options = Valid with { Idps = [], OidcIdps = [Valid.OidcIdps[0] with { Issuer = "http://127.0.0.1:50443/stub-idp-one/oidc" }] };

        Assert.That(options.Problems(), Is.Empty);
    }

    [TestCaseSource(nameof(Breaks))]
    public void BrokenOptions_AreRefused(string change, string expected)
    {
        if (Changes.Count == 0)
        {
            _ = Breaks().ToList();
        }

        var options = Changes[change](Valid);

        Assert.That(options.Problems(), Has.Some.Contains(expected));
    }

    private static TestCaseData Case(string name, Func<MatchingServiceOptions, MatchingServiceOptions> change, string expected)
    {
        Changes[name] = change;
        return new TestCaseData(name, expected);
    }
}
