using Verify.Matching.Normalisation;
using Verify.Matching.Requests;
using Verify.Matching.Storage;

namespace Verify.Matching.Engine;

/// <summary>
/// The identity in a validated <see cref="MatchRequest"/>, normalised the same way records are
/// written. Only <see cref="MatchRequestValidator"/> makes one, so the engine never acts on unchecked input.
/// </summary>
internal sealed class AssertedIdentity
{
    private AssertedIdentity(
        string firstNameKey,
        IReadOnlySet<string> surnames,
        IReadOnlySet<string> surnameParts,
        DateOnly dateOfBirth,
        IReadOnlyList<AddressKey> addresses)
    {
        FirstNameKey = firstNameKey;
        Surnames = surnames;
        SurnameParts = surnameParts;
        DateOfBirth = dateOfBirth;
        Addresses = addresses;
    }

    public string FirstNameKey { get; }

    /// <summary>Every asserted surname (current and previous), normalised.</summary>
    public IReadOnlySet<string> Surnames { get; }

    /// <summary>The parts of every multi-word asserted surname.</summary>
    public IReadOnlySet<string> SurnameParts { get; }

    public DateOnly DateOfBirth { get; }

    /// <summary>Every asserted address with a UK postcode.</summary>
    public IReadOnlyList<AddressKey> Addresses { get; }

    /// <summary>Surname blocking keys: each surname and surname part with the date of birth.</summary>
    public IReadOnlyList<string> SurnameBlockKeys =>
        [.. Surnames.Concat(SurnameParts).Distinct(StringComparer.Ordinal).Select(s => BlockingKeys.SurnameAndDateOfBirth(s, DateOfBirth))];

    /// <summary>Address blocking keys: the date of birth with each postcode.</summary>
    public IReadOnlyList<string> AddressBlockKeys =>
        [.. Addresses.Select(a => a.PostcodeKey).Distinct(StringComparer.Ordinal).Select(p => BlockingKeys.DateOfBirthAndPostcode(DateOfBirth, p))];

    /// <summary>Normalises a dataset that <see cref="MatchRequestValidator"/> has checked.</summary>
    internal static AssertedIdentity From(MatchingDataset dataset)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var surname in dataset.Surnames!)
        {
            var forms = NameNormaliser.SurnameForms(surname.Value);
            if (forms.Count > 0)
            {
                surnames.Add(forms[0]);
                parts.UnionWith(forms.Skip(1));
            }
        }

        var addresses = (dataset.Addresses ?? [])
            .Where(a => PostcodeNormaliser.IsValid(a.PostCode))
            .Select(a => new AddressKey(PostcodeNormaliser.Normalise(a.PostCode), AddressNormaliser.PremisesKey(a.Lines)))
            .Distinct()
            .ToList();

        return new AssertedIdentity(
            NameNormaliser.FirstName(dataset.FirstName!.Value),
            surnames,
            parts,
            dataset.DateOfBirth!.Value,
            addresses);
    }
}
