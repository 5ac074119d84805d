namespace Verify.Matching.Storage.Entities;

/// <summary>An identifier usable in cycle 3; <see cref="LookupKey"/> (type + normalised value) is indexed, not unique.</summary>
internal sealed class RecordIdentifierEntity
{
    public long Id { get; set; }

    public long RecordKey { get; set; }

    public required string Type { get; set; }

    /// <summary>The value as given.</summary>
    public required string Value { get; set; }

    /// <summary><see cref="BlockingKeys.Identifier"/>.</summary>
    public required string LookupKey { get; set; }
}
