namespace Verify.Matching.Storage.Entities;

/// <summary>
/// One form a record's surname is known by: the current surname, each previous surname, and each
/// part of a double-barrelled one. <see cref="BlockKey"/> (normalised surname + date of birth) is indexed.
/// </summary>
internal sealed class RecordNameEntity
{
    public long Id { get; set; }

    public long RecordKey { get; set; }

    /// <summary>The surname as given that this row comes from.</summary>
    public required string Surname { get; set; }

    /// <summary>The normalised surname, or the normalised part when <see cref="IsPart"/>.</summary>
    public required string SurnameKey { get; set; }

    public bool IsPrevious { get; set; }

    public bool IsPart { get; set; }

    /// <summary><see cref="BlockingKeys.SurnameAndDateOfBirth"/>.</summary>
    public required string BlockKey { get; set; }
}
