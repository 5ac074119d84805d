using System.Security.Cryptography.X509Certificates;

using Microsoft.IdentityModel.Tokens;

namespace Verify.Hub.Oidc.Provider.Keys;

/// <summary>
/// The OpenID Provider's signing keys beyond the one OpenIddict signs with (ADR 0021 addendum): the next RSA signing
/// key (published, never signing until promoted) and the EC P-256 key for ES256 ID tokens. Key IDs are the
/// certificates' thumbprints, as for the current key (<see cref="SecurityKey.KeyId"/>).
/// </summary>
public sealed class HubSigningKeys
{
    /// <summary>Keys from the hub's options.</summary>
    public HubSigningKeys(HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Current = new X509SecurityKey(options.SigningCertificate);
        Next = options.NextSigningCertificate is { } next ? new X509SecurityKey(next) : null;
        Ec = options.OidcEcSigningCertificate is { } ec ? EcKey(ec) : null;
    }

    /// <summary>The RSA key that signs (the SAML signing key; OpenIddict's signing credential).</summary>
    public X509SecurityKey Current { get; }

    /// <summary>The next RSA key, published only; or, after a promotion, the outgoing one still published for the overlap.</summary>
    public X509SecurityKey? Next { get; }

    /// <summary>The EC P-256 key that signs ES256 ID tokens, or null.</summary>
    public ECDsaSecurityKey? Ec { get; }

    /// <summary>The ID token algorithms the hub can sign, for discovery (<c>id_token_signing_alg_values_supported</c>).</summary>
    public IReadOnlyList<string> IdTokenAlgorithms => Ec is null ? [IdTokenSigning.Rs256, IdTokenSigning.Ps256] : [IdTokenSigning.Rs256, IdTokenSigning.Ps256, IdTokenSigning.Es256];

    /// <summary>Keys that verify the hub's own tokens besides the current one (a code or token signed before a promotion, an ES256 ID token hint).</summary>
    public IEnumerable<SecurityKey> AdditionalValidationKeys => new SecurityKey?[] { Next, Ec }.OfType<SecurityKey>();

    /// <summary>The credentials for an ID token in <paramref name="alg"/>, or null when the hub has no key for it.</summary>
    public SigningCredentials? For(string alg) => alg switch
    {
        IdTokenSigning.Rs256 => new SigningCredentials(Current, IdTokenSigning.Rs256),
        IdTokenSigning.Ps256 => new SigningCredentials(Current, IdTokenSigning.Ps256),
        IdTokenSigning.Es256 when Ec is not null => new SigningCredentials(Ec, IdTokenSigning.Es256),
        _ => null,
    };

    // The key stays in use for the hub's lifetime, as the certificate that holds it does.
    private static ECDsaSecurityKey EcKey(X509Certificate2 certificate) =>
        new(certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("Hub: the OIDC EC signing certificate has no EC private key."))
        {
            KeyId = certificate.Thumbprint,
        };
}
