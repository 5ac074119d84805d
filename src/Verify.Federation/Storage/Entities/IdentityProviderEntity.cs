namespace Verify.Federation.Storage.Entities;

/// <summary>A registered identity provider as stored: the registration's values, its metadata as received, and its rows.</summary>
internal sealed class IdentityProviderEntity
{
    public long Id { get; set; }

    public required string EntityId { get; set; }

    public required string DisplayNameEn { get; set; }

    public string? DisplayNameCy { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Level names, lowest rank first, comma-separated: <c>LEVEL_1,LEVEL_2</c>.</summary>
    public required string Levels { get; set; }

    /// <summary><see cref="Verify.Saml.Trust.TrustKind"/> by its explicit number.</summary>
    public int TrustKind { get; set; }

    /// <summary>The metadata as received: the source of the endpoint and certificates below.</summary>
    public required byte[] MetadataXml { get; set; }

    public required string SingleSignOnUrl { get; set; }

    public int DisplayOrder { get; set; }

    public DateTimeOffset? ProvideRegistrationUntil { get; set; }

    public DateTimeOffset? ProvideSignInUntil { get; set; }

    public bool TemporarilyUnavailable { get; set; }

    /// <summary>SHA-256 of everything registered except <see cref="Enabled"/>: an unchanged re-import writes nothing.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The RPs this IDP is offered to; none means every RP.</summary>
    public List<OnboardingEntity> OnboardingOnlyFor { get; set; } = [];

    public List<CertificateEntity> Certificates { get; set; } = [];
}
