using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Saml.Saml;
using Verify.Testing;

namespace Verify.MatchingService.Tests.Support;

/// <summary>
/// An OIDC IDP's ID token as the stub IDP's OIDC side issues it (ADR 0022, 0025): signed RS256 with the stub's key,
/// issued to the hub's client ID, with Verify's <c>verify_mds</c> dataset. Tests change one thing at a time.
/// </summary>
internal sealed record OidcIdToken
{
    private static readonly JsonSerializerOptions DatasetJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public required DateTimeOffset IssuedAt { get; init; }

    public string Issuer { get; init; } = Parties.OidcIdpIssuer;

    public string Audience { get; init; } = Parties.HubClientIdAtOidcIdp;

    public string Subject { get; init; } = "sub-robert-at-oidc-idp";

    public string Acr { get; init; } = AuthnContexts.Level2;

    public MatchingDataset Dataset { get; init; } = People.Robert;

    /// <summary>When set, the token carries these OIDC Core 5.1 claims instead of <c>verify_mds</c>.</summary>
    public IReadOnlyDictionary<string, string>? StandardClaims { get; init; }

    /// <summary>How long the IDP let the hub accept it (the stub: 5 minutes).</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The certs-sample key the IDP signs with.</summary>
    public string SignerStem { get; init; } = "stub-idp-signing";

    /// <summary>The JWS algorithm; <c>none</c> writes an unsigned token, <c>HS256</c> one keyed with the IDP's public key.</summary>
    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;

    public string Build()
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = Subject,
            ["acr"] = Acr,
            ["nonce"] = "n-0S6_WzA2Mj",
            ["auth_time"] = IssuedAt.ToUnixTimeSeconds(),
        };
        if (StandardClaims is null)
        {
            claims["verify_mds"] = JsonSerializer.SerializeToElement(Dataset, DatasetJson);
        }
        else
        {
            foreach (var (name, value) in StandardClaims)
            {
                claims[name] = value;
            }
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = IssuedAt.UtcDateTime,
            NotBefore = IssuedAt.UtcDateTime,
            Expires = (IssuedAt + Lifetime).UtcDateTime,
            Claims = claims,
        };
        var certificate = SampleCerts.Certificate(SignerStem);
        switch (Algorithm)
        {
            case "none":
                // No signing credentials: IdentityModel writes {"alg":"none"} and an empty signature.
                return new JsonWebTokenHandler().CreateToken(descriptor);
            case SecurityAlgorithms.HmacSha256:
                var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(certificate.GetRSAPublicKey()!.ExportSubjectPublicKeyInfoPem()));
                descriptor.SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256);
                return new JsonWebTokenHandler().CreateToken(descriptor);
            default:
                var key = new X509SecurityKey(SampleCerts.CertificateWithKey(SignerStem));
                descriptor.SigningCredentials = new SigningCredentials(key, Algorithm);
                return new JsonWebTokenHandler().CreateToken(descriptor);
        }
    }
}
