using Verify.Saml.Metadata;

namespace Verify.Saml.Trust;

/// <summary>
/// A party as trust sees it: who it is, its role, how its keys are trusted and the certificates registered for it.
/// <see cref="TrustPolicy"/> turns one into the keys to check its signatures with and the certificates to encrypt
/// for it.
/// </summary>
public sealed record PartyTrust
{
    /// <summary>The party's entity ID.</summary>
    public required string PartyId { get; init; }

    /// <summary>The party's role; decides the federation CA under <see cref="TrustKind.Pkix"/>.</summary>
    public required PartyRole Role { get; init; }

    /// <summary>How the party's keys are trusted.</summary>
    public required TrustKind Kind { get; init; }

    /// <summary>The registered certificates, in registration order (several per use during a rollover).</summary>
    public required IReadOnlyList<RegisteredCertificate> Certificates { get; init; }

    /// <summary>The default trust kind for a role (ARCHITECTURE.md): pinned for relying parties, PKIX for everyone else.</summary>
    public static TrustKind DefaultKindFor(PartyRole role) =>
        role == PartyRole.RelyingParty ? TrustKind.Pinned : TrustKind.Pkix;

    /// <summary>The party described by one role of its registered metadata: every certificate of every key descriptor.</summary>
    public static PartyTrust FromMetadata(string partyId, PartyRole role, TrustKind kind, RoleDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new PartyTrust
        {
            PartyId = partyId,
            Role = role,
            Kind = kind,
            Certificates = [.. descriptor.KeyDescriptors.SelectMany(k => k.Certificates.Select(c => new RegisteredCertificate(c, k.Use)))],
        };
    }

    /// <summary>The registered certificates that may be used for <paramref name="use"/>.</summary>
    public IEnumerable<RegisteredCertificate> CertificatesFor(KeyUse use) => Certificates.Where(c => c.AppliesTo(use));
}
