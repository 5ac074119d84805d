using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

namespace Verify.MatchingService.Validation;

/// <summary>
/// The keys the hub's and the IDPs' signatures are checked with: only registered certificates, trusted by each
/// party's <see cref="TrustKind"/> (<see cref="TrustPolicy"/>), never a key carried in a message. The policy keeps each
/// evaluation for a while (ADR 0027), so certificate dates and (under pkix) chains are checked again as time passes.
/// </summary>
internal sealed class PartyKeys
{
    private readonly TrustPolicy _policy;
    private readonly PartyTrust _hub;
    private readonly Dictionary<string, PartyTrust> _idps;

    public PartyKeys(MatchingServiceOptions options)
    {
        _policy = new TrustPolicy(options.TimeProvider, options.TrustAnchors);

        // The hub is pinned: the department's operator registers the hub's keys with its matching service.
        _hub = Party(options.HubEntityId, PartyRole.Hub, TrustKind.Pinned, options.HubSigningCertificates);
        _idps = options.Idps.ToDictionary(
            idp => idp.EntityId,
            idp => Party(idp.EntityId, PartyRole.IdentityProvider, idp.Trust, idp.SigningCertificates),
            StringComparer.Ordinal);
    }

    /// <summary>The hub's signing keys.</summary>
    /// <exception cref="SamlException">No registered hub certificate is trusted now.</exception>
    public TrustedKeySet Hub => _policy.SigningKeys(_hub);

    /// <summary>Whether <paramref name="entityId"/> is a registered IDP.</summary>
    public bool IsIdp(string entityId) => _idps.ContainsKey(entityId);

    /// <summary>The signing keys of the IDP <paramref name="entityId"/>.</summary>
    /// <exception cref="SamlException">Not a registered IDP (<see cref="SamlErrorCode.ProtocolIssuerUnknown"/>), or none of its certificates is trusted now.</exception>
    public TrustedKeySet Idp(string entityId) =>
        _idps.TryGetValue(entityId, out var idp) ? _policy.SigningKeys(idp) : throw new SamlException(SamlErrorCode.ProtocolIssuerUnknown, "The assertion's issuer is not a registered IDP.");

    private static PartyTrust Party(string id, PartyRole role, TrustKind kind, IEnumerable<System.Security.Cryptography.X509Certificates.X509Certificate2> certificates) => new()
    {
        PartyId = id,
        Role = role,
        Kind = kind,
        Certificates = [.. certificates.Select(c => new RegisteredCertificate(c, KeyUse.Signing))],
    };
}
