namespace Verify.Federation.Storage.Entities;

/// <summary>A registered relying party as stored: the registration's values, its metadata as received, and its rows.</summary>
internal sealed class RelyingPartyEntity
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

    /// <summary>The metadata as received: the source of the endpoints and certificates below.</summary>
    public required byte[] MetadataXml { get; set; }

    public string? ServiceHomepage { get; set; }

    public string? OtherWaysEn { get; set; }

    public string? OtherWaysCy { get; set; }

    public string? MatchingServiceEntityId { get; set; }

    /// <summary>The matching service's metadata as received (null for an RP without matching): its endpoint and keys.</summary>
    public byte[]? MatchingServiceMetadataXml { get; set; }

    /// <summary>The matching service's <see cref="Verify.Saml.Trust.TrustKind"/>, when there is one.</summary>
    public int? MatchingServiceTrustKind { get; set; }

    public string? AccountCreationUrl { get; set; }

    public string? Cycle3Attribute { get; set; }

    /// <summary>Account-creation attribute names, comma-separated; null when the RP creates no accounts.</summary>
    public string? AccountCreationAttributes { get; set; }

    /// <summary><see cref="Verify.Federation.Parties.AssertionMode"/> by its explicit number (0, hub-asserted, for rows written before it existed).</summary>
    public int AssertionMode { get; set; }

    /// <summary>SHA-256 of everything registered except <see cref="Enabled"/>: an unchanged re-import writes nothing.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<AcsEntity> AssertionConsumerServices { get; set; } = [];

    public List<CertificateEntity> Certificates { get; set; } = [];
}
