using Verify.Matching.Normalisation;
using Verify.Matching.Records;
using Verify.Matching.Storage.Entities;

namespace Verify.Matching.Storage;

/// <summary>
/// The one code path that turns a <see cref="DepartmentRecord"/> into rows: it computes every
/// normalised column and blocking key, so the importer, account creation and the benchmark's bulk
/// load store exactly what the engine will look up. Validate records first (<see cref="Import.RecordValidator"/>).
/// </summary>
internal static class RecordWriter
{
    /// <summary>The rows for one record, ready to add to a context.</summary>
    public static RecordEntity ToEntity(DepartmentRecord record, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new RecordEntity
        {
            RecordId = record.RecordId,
            FirstName = record.FirstName,
            MiddleNames = record.MiddleNames,
            Surname = record.Surname,
            DateOfBirth = record.DateOfBirth,
            Gender = record.Gender?.ToString(),
            FirstNameKey = NameNormaliser.FirstName(record.FirstName),
            CreatedAt = createdAt,
        };

        AddNames(entity, record.Surname, isPrevious: false);
        foreach (var previous in record.PreviousSurnames)
        {
            AddNames(entity, previous, isPrevious: true);
        }

        foreach (var address in record.Addresses)
        {
            var postcodeKey = PostcodeNormaliser.Normalise(address.Postcode);
            entity.Addresses.Add(new RecordAddressEntity
            {
                Lines = string.Join('\n', address.Lines),
                Postcode = PostcodeNormaliser.Format(address.Postcode),
                PostcodeKey = postcodeKey,
                PremisesKey = AddressNormaliser.PremisesKey(address.Lines),
                From = address.From,
                To = address.To,
                BlockKey = BlockingKeys.DateOfBirthAndPostcode(record.DateOfBirth, postcodeKey),
            });
        }

        foreach (var (type, value) in record.Identifiers)
        {
            var normalised = IdentifierNormaliser.Normalise(type, value)
                ?? throw new ArgumentException($"The {type} of record '{record.RecordId}' is not valid; validate records before writing them.", nameof(record));
            entity.Identifiers.Add(new RecordIdentifierEntity
            {
                Type = type,
                Value = value,
                LookupKey = BlockingKeys.Identifier(type, normalised),
            });
        }

        return entity;
    }

    /// <summary>Adds the rows of every record to the context (not saved).</summary>
    public static void Add(MatchingDbContext context, IEnumerable<DepartmentRecord> records, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(records);
        context.Records.AddRange(records.Select(r => ToEntity(r, createdAt)));
    }

    private static void AddNames(RecordEntity entity, string surname, bool isPrevious)
    {
        var forms = NameNormaliser.SurnameForms(surname);
        for (var i = 0; i < forms.Count; i++)
        {
            var existing = entity.Names.Find(n => n.SurnameKey == forms[i]);
            if (existing is not null)
            {
                // A surname that is also a part of another ("Jones" and "Smith-Jones") counts as a whole surname.
                existing.IsPart &= i > 0;
                continue;
            }

            entity.Names.Add(new RecordNameEntity
            {
                Surname = surname,
                SurnameKey = forms[i],
                IsPrevious = isPrevious,
                IsPart = i > 0,
                BlockKey = BlockingKeys.SurnameAndDateOfBirth(forms[i], entity.DateOfBirth),
            });
        }
    }
}
