namespace Verify.Matching.Storage.Entities;

/// <summary>A current or previous address of a record; <see cref="BlockKey"/> (date of birth + postcode) is indexed.</summary>
internal sealed class RecordAddressEntity
{
    public long Id { get; set; }

    public long RecordKey { get; set; }

    /// <summary>The lines as given, joined by line feeds.</summary>
    public required string Lines { get; set; }

    public required string Postcode { get; set; }

    /// <summary><see cref="Normalisation.PostcodeNormaliser.Normalise"/> of <see cref="Postcode"/>.</summary>
    public required string PostcodeKey { get; set; }

    /// <summary><see cref="Normalisation.AddressNormaliser.PremisesKey"/> of the lines.</summary>
    public required string PremisesKey { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary><see cref="BlockingKeys.DateOfBirthAndPostcode"/>.</summary>
    public required string BlockKey { get; set; }
}
