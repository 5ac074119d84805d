namespace Verify.Matching.Storage.Entities;

/// <summary>A departmental record as stored: the values as given plus the normalised first name.</summary>
internal sealed class RecordEntity
{
    public long Id { get; set; }

    public required string RecordId { get; set; }

    public required string FirstName { get; set; }

    public string? MiddleNames { get; set; }

    public required string Surname { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string? Gender { get; set; }

    /// <summary><see cref="Normalisation.NameNormaliser.FirstName"/> of <see cref="FirstName"/>.</summary>
    public required string FirstNameKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<RecordNameEntity> Names { get; set; } = [];

    public List<RecordAddressEntity> Addresses { get; set; } = [];

    public List<RecordIdentifierEntity> Identifiers { get; set; } = [];
}
