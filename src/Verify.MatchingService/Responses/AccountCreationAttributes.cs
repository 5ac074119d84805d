using Verify.MatchingService.Matching;
using Verify.MatchingService.Validation;
using Verify.Saml.Saml;

namespace Verify.MatchingService.Responses;

/// <summary>
/// The account-creation attributes the RP asked for, with the values of the verified identity the account was created
/// from (Verify's matching service adapter): the name, date of birth and address it would choose for matching, each
/// <c>…_verified</c> as <c>true</c>/<c>false</c>, every address for <c>addresshistory</c>, the typed identifier for
/// <c>cycle_3</c>. An attribute with no value is left out.
/// </summary>
internal static class AccountCreationAttributes
{
    public static IReadOnlyList<SamlAttribute> For(ValidatedMatchingQuery query)
    {
        var dataset = query.MatchingDataset!;
        var firstName = MatchRequestMapper.Preferred(dataset.FirstNames);
        var middleName = MatchRequestMapper.Preferred(dataset.MiddleNames);
        var surname = MatchRequestMapper.Preferred(dataset.Surnames);
        var dateOfBirth = MatchRequestMapper.Preferred(dataset.DatesOfBirth);
        var currentAddress = MatchRequestMapper.Preferred(dataset.CurrentAddresses.Where(a => a.To is null));
        var attributes = new List<SamlAttribute>();
        foreach (var name in query.RequestedAttributes)
        {
            AttributeValue[] values = name switch
            {
                AccountCreationAttributeNames.FirstName => Value(firstName),
                AccountCreationAttributeNames.FirstNameVerified => Verified(firstName),
                AccountCreationAttributeNames.MiddleName => Value(middleName),
                AccountCreationAttributeNames.MiddleNameVerified => Verified(middleName),
                AccountCreationAttributeNames.Surname => Value(surname),
                AccountCreationAttributeNames.SurnameVerified => Verified(surname),
                AccountCreationAttributeNames.DateOfBirth => Value(dateOfBirth),
                AccountCreationAttributeNames.DateOfBirthVerified => Verified(dateOfBirth),
                AccountCreationAttributeNames.CurrentAddress => Value(currentAddress),
                AccountCreationAttributeNames.CurrentAddressVerified => Verified(currentAddress),
                AccountCreationAttributeNames.AddressHistory => [.. dataset.CurrentAddresses.Concat(dataset.PreviousAddresses)],
                AccountCreationAttributeNames.Cycle3 => query.Cycle3 is { } cycle3 ? [new StringValue(cycle3.Value)] : [],
                _ => [],
            };
            if (values.Length > 0)
            {
                attributes.Add(new SamlAttribute { Name = name, NameFormat = AttributeNameFormats.Unspecified, Values = values });
            }
        }

        return attributes;
    }

    private static AttributeValue[] Value(MatchingDatasetValue? value) => value is null ? [] : [value];

    private static AttributeValue[] Verified(MatchingDatasetValue? value) =>
        value is null ? [] : [new StringValue(value.Verified ? "true" : "false")];
}
