using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

using Verify.Saml.Saml;
using Verify.Testing;

namespace Verify.MatchingService.Tests.Support;

/// <summary>The federation around the matching service under test: entity IDs and certs-sample keys.</summary>
internal static class Parties
{
    public const string HubEntityId = "https://hub.test";
    public const string MatchingServiceEntityId = "https://ms.test/matching-service";
    public const string IdpEntityId = "https://idp.test/stub-idp-one";
    public const string OtherIdpEntityId = "https://idp.test/stub-idp-two";
    public const string OidcIdpIssuer = "https://idp.test/oidc";
    public const string HubClientIdAtOidcIdp = "https://hub.test/oidc-client";
    public const string RpEntityId = "https://rp.test/SAML2/metadata";
    public const string RpAcsUrl = "https://rp.test/SAML2/ACS";

    /// <summary>The options of a matching service for this federation: the hub and two IDPs sharing the stub's key.</summary>
    public static MatchingServiceOptions Options(FakeTimeProvider clock) => new()
    {
        EntityId = MatchingServiceEntityId,
        SigningCertificate = SampleCerts.CertificateWithKey("matching-service-signing"),
        EncryptionCertificates = [SampleCerts.CertificateWithKey("matching-service-encryption")],
        HubEntityId = HubEntityId,
        HubSigningCertificates = [SampleCerts.Certificate("hub-signing")],
        HubEncryptionCertificate = SampleCerts.Certificate("hub-encryption"),
        Idps =
        [
            new TrustedIdp(IdpEntityId, [SampleCerts.Certificate("stub-idp-signing")]),
            new TrustedIdp(OtherIdpEntityId, [SampleCerts.Certificate("stub-idp-signing-ecdsa")]),
        ],
        OidcIdps = [new TrustedOidcIdp(OidcIdpIssuer, HubClientIdAtOidcIdp, [PublicJwk("stub-idp-signing")])],
        TimeProvider = clock,
    };

    /// <summary>A certs-sample certificate's public key as a JWK (what an OIDC IDP publishes in its JWKS).</summary>
    public static JsonWebKey PublicJwk(string stem) =>
        JsonWebKeyConverter.ConvertFromX509SecurityKey(new X509SecurityKey(SampleCerts.Certificate(stem)), representAsRsaKey: true);

    /// <summary>Verify's hashed PID as the hub computes it independently.</summary>
    public static string HashedPid(string pid, string level = AssuranceLevels.Level2, string idp = IdpEntityId) =>
        Verify.Saml.Saml.HashedPid.Compute(idp, MatchingServiceEntityId, pid, level);
}
