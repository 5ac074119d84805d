using Verify.Saml.Errors;

namespace Verify.Saml.Saml;

/// <summary>
/// Verify's matching dataset: the <c>MDS_*</c> attributes of an IDP's matching-dataset assertion, typed. Every
/// part is a list because IDPs send history (earlier surnames, previous addresses), each value with its own
/// period and verified flag.
/// </summary>
public sealed record MatchingDataset
{
    /// <summary><c>MDS_firstname</c>.</summary>
    public IReadOnlyList<PersonNameValue> FirstNames { get; init; } = [];

    /// <summary><c>MDS_middlename</c>.</summary>
    public IReadOnlyList<PersonNameValue> MiddleNames { get; init; } = [];

    /// <summary><c>MDS_surname</c>.</summary>
    public IReadOnlyList<PersonNameValue> Surnames { get; init; } = [];

    /// <summary><c>MDS_gender</c>.</summary>
    public IReadOnlyList<GenderValue> Genders { get; init; } = [];

    /// <summary><c>MDS_dateofbirth</c>.</summary>
    public IReadOnlyList<DateValue> DatesOfBirth { get; init; } = [];

    /// <summary><c>MDS_currentaddress</c>.</summary>
    public IReadOnlyList<AddressValue> CurrentAddresses { get; init; } = [];

    /// <summary><c>MDS_previousaddress</c>.</summary>
    public IReadOnlyList<AddressValue> PreviousAddresses { get; init; } = [];

    /// <summary>Whether no part has any value.</summary>
    public bool IsEmpty => FirstNames.Count + MiddleNames.Count + Surnames.Count + Genders.Count
        + DatesOfBirth.Count + CurrentAddresses.Count + PreviousAddresses.Count == 0;

    /// <summary>Reads the matching dataset out of an assertion's attributes.</summary>
    /// <exception cref="SamlException">An <c>MDS_*</c> attribute is repeated or holds a value of the wrong type.</exception>
    public static MatchingDataset FromAssertion(Assertion assertion)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return FromAttributes(assertion.Attributes);
    }

    /// <summary>Reads the matching dataset out of attributes; attributes other than <c>MDS_*</c> are ignored.</summary>
    /// <exception cref="SamlException">An <c>MDS_*</c> attribute is repeated or holds a value of the wrong type.</exception>
    public static MatchingDataset FromAttributes(IEnumerable<SamlAttribute> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var byName = new Dictionary<string, SamlAttribute>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (!VerifyAttributeNames.MatchingDataset.Contains(attribute.Name))
            {
                continue;
            }

            // Two attributes with one name would leave it to us to choose or merge; refuse instead.
            if (!byName.TryAdd(attribute.Name, attribute))
            {
                throw new SamlException(SamlErrorCode.MessageInvalidValue, "A matching dataset attribute is repeated.");
            }
        }

        return new MatchingDataset
        {
            FirstNames = ValuesOf<PersonNameValue>(byName, VerifyAttributeNames.FirstName),
            MiddleNames = ValuesOf<PersonNameValue>(byName, VerifyAttributeNames.MiddleName),
            Surnames = ValuesOf<PersonNameValue>(byName, VerifyAttributeNames.Surname),
            Genders = ValuesOf<GenderValue>(byName, VerifyAttributeNames.Gender),
            DatesOfBirth = ValuesOf<DateValue>(byName, VerifyAttributeNames.DateOfBirth),
            CurrentAddresses = ValuesOf<AddressValue>(byName, VerifyAttributeNames.CurrentAddress),
            PreviousAddresses = ValuesOf<AddressValue>(byName, VerifyAttributeNames.PreviousAddress),
        };
    }

    /// <summary>The dataset as attributes in Verify's wire shape, one per non-empty part, in a fixed order.</summary>
    public IReadOnlyList<SamlAttribute> ToAttributes()
    {
        var attributes = new List<SamlAttribute>(7);
        Add(attributes, VerifyAttributeNames.FirstName, FirstNames);
        Add(attributes, VerifyAttributeNames.MiddleName, MiddleNames);
        Add(attributes, VerifyAttributeNames.Surname, Surnames);
        Add(attributes, VerifyAttributeNames.Gender, Genders);
        Add(attributes, VerifyAttributeNames.DateOfBirth, DatesOfBirth);
        Add(attributes, VerifyAttributeNames.CurrentAddress, CurrentAddresses);
        Add(attributes, VerifyAttributeNames.PreviousAddress, PreviousAddresses);
        return attributes;
    }

    private static List<T> ValuesOf<T>(Dictionary<string, SamlAttribute> byName, string name)
        where T : MatchingDatasetValue
    {
        if (!byName.TryGetValue(name, out var attribute))
        {
            return [];
        }

        var values = new List<T>(attribute.Values.Count);
        foreach (var value in attribute.Values)
        {
            values.Add(value as T
                ?? throw new SamlException(SamlErrorCode.MessageInvalidValue, "A matching dataset attribute holds a value of the wrong type."));
        }

        return values;
    }

    private static void Add(List<SamlAttribute> attributes, string name, IReadOnlyList<MatchingDatasetValue> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        attributes.Add(new SamlAttribute
        {
            Name = name,
            NameFormat = AttributeNameFormats.Unspecified,
            FriendlyName = VerifyAttributeNames.FriendlyNameOf(name),
            Values = [.. values],
        });
    }
}
