using System.Security.Cryptography.X509Certificates;

using Verify.Hub.Journey;
using Verify.Hub.Limits;
using Verify.Hub.Matching;
using Verify.Hub.Telemetry;
using Verify.Saml.Trust;
using Verify.Saml.Validation;

namespace Verify.Hub;

/// <summary>The hub's identity, keys and rules; validated when the app is built (secure defaults, fail fast).</summary>
public sealed class HubOptions
{
    /// <summary>Shortest pairwise-identifier secret accepted (256 bits, the HMAC-SHA256 block's security level).</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>The hub's entity ID: Issuer of everything it sends, the audience IDPs address.</summary>
    public required string EntityId { get; init; }

    /// <summary>The hub's signing certificate with its private key (requests to IDPs, responses to RPs, its metadata).</summary>
    public required X509Certificate2 SigningCertificate { get; init; }

    /// <summary>
    /// The hub's next signing certificate with its private key, or null: published (OIDC JWKS, SAML metadata) but never
    /// used to sign, so relying parties and IDPs learn it before it is promoted to <see cref="SigningCertificate"/>
    /// (ADR 0021 addendum "Signing-key rotation"). After promotion it holds the outgoing key for the overlap.
    /// </summary>
    public X509Certificate2? NextSigningCertificate { get; init; }

    /// <summary>
    /// The OpenID Provider's EC P-256 signing certificate with its private key, or null: signs the ID tokens of
    /// clients registered for ES256, and is published in JWKS. Without it no client may register ES256.
    /// </summary>
    public X509Certificate2? OidcEcSigningCertificate { get; init; }

    /// <summary>The hub's encryption certificates with private keys; the first is published, all decrypt (rollover).</summary>
    public required IReadOnlyList<X509Certificate2> EncryptionCertificates { get; init; }

    /// <summary>The secret keying the pairwise identifiers and RelayState bindings (ARCHITECTURE.md "Identifiers").</summary>
    public required byte[] PairwiseSecret { get; init; }

    /// <summary>
    /// The audit key (at least 32 random bytes, distinct from <see cref="PairwiseSecret"/>): keys the hashes that stand
    /// for journeys, pairwise identifiers, request IDs and fraud event IDs in the audit trail (ADR 0013).
    /// </summary>
    public required byte[] AuditKey { get; init; }

    /// <summary>Where traces, metrics and logs go, and in which shape.</summary>
    public HubTelemetryOptions Telemetry { get; init; } = new();

    /// <summary>The federation's roots and per-role CAs, for parties trusted as pkix; null when every party is pinned.</summary>
    public FederationTrustAnchors? TrustAnchors { get; init; }

    /// <summary>Journey lifetimes.</summary>
    public JourneyOptions Journey { get; init; } = new();

    /// <summary>SAML time windows and replay retention.</summary>
    public SamlValidationOptions Saml { get; init; } = new();

    /// <summary>How matching queries run (the wait for an answer is <see cref="JourneyOptions.MatchingServiceWait"/>).</summary>
    public HubMatchingOptions Matching { get; init; } = new();

    /// <summary>Limits on work-creating requests per client address and per RP.</summary>
    public RateLimitOptions RateLimits { get; init; } = new();

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Allows http:// (not https) peer endpoints on loopback hosts: start-dev only (its plain layout, and its in-process
    /// matching service, which listens on plain http on 127.0.0.1 in both layouts, ADR 0020). Production never sets it.
    /// </summary>
    public bool AllowLoopbackHttp { get; init; }

    /// <summary>
    /// Extra TLS trust for the hub's own outbound calls to OpenID Connect IDPs (discovery, JWKS, token endpoint): when
    /// empty (production's default) the system's trust store decides; otherwise only chains ending at one of these
    /// self-signed roots are accepted (the others are intermediates). start-dev sets the sample TLS root here.
    /// </summary>
    public IReadOnlyList<X509Certificate2> OutboundTlsRoots { get; init; } = [];

    /// <summary>Refuses options that cannot run safely, with a message an operator can act on.</summary>
    public HubOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(EntityId))
        {
            throw new InvalidOperationException("Hub: EntityId is required.");
        }

        if (!SigningCertificate.HasPrivateKey)
        {
            throw new InvalidOperationException("Hub: the signing certificate has no private key.");
        }

        if (NextSigningCertificate is { } next
            && (!HasRsaPrivateKey(next) || next.Thumbprint == SigningCertificate.Thumbprint))
        {
            throw new InvalidOperationException(
                "Hub: the next signing certificate must be an RSA certificate with its private key, different from the current one (give the key that will be promoted, or the one just retired).");
        }

        if (OidcEcSigningCertificate is { } ec && !HasP256PrivateKey(ec))
        {
            throw new InvalidOperationException("Hub: the OIDC EC signing certificate must hold an EC P-256 private key (ES256, RFC 7518 3.4).");
        }

        if (EncryptionCertificates.Count == 0 || EncryptionCertificates.Any(c => !c.HasPrivateKey))
        {
            throw new InvalidOperationException("Hub: at least one encryption certificate with its private key is required.");
        }

        if (PairwiseSecret.Length < MinimumSecretBytes)
        {
            throw new InvalidOperationException($"Hub: the pairwise secret must be at least {MinimumSecretBytes} bytes.");
        }

        if (AuditKey.Length < MinimumSecretBytes)
        {
            throw new InvalidOperationException($"Hub: the audit key must be at least {MinimumSecretBytes} bytes.");
        }

        if (AuditKey.AsSpan().SequenceEqual(PairwiseSecret))
        {
            throw new InvalidOperationException("Hub: the audit key must differ from the pairwise secret.");
        }

        Journey.Validate();
        Saml.Validate();
        Matching.Validate();
        return this;
    }

    private static bool HasRsaPrivateKey(X509Certificate2 certificate)
    {
        using var key = certificate.HasPrivateKey ? certificate.GetRSAPrivateKey() : null;
        return key is not null;
    }

    // RFC 7518 3.4: ES256 is ECDSA on P-256 (secp256r1) only.
    private static bool HasP256PrivateKey(X509Certificate2 certificate)
    {
        using var key = certificate.HasPrivateKey ? certificate.GetECDsaPrivateKey() : null;
        return key?.ExportParameters(false).Curve.Oid.Value == "1.2.840.10045.3.1.7";
    }
}
