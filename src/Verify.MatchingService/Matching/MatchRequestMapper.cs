using Verify.Matching.Engine;
using Verify.Matching.Requests;
using Verify.MatchingService.Validation;
using Verify.Saml.Saml;

using JsonDataset = Verify.Matching.Requests.MatchingDataset;
using SamlDataset = Verify.Saml.Saml.MatchingDataset;

namespace Verify.MatchingService.Matching;

/// <summary>
/// Turns a validated query into Verify's local-matching JSON request, as Verify's matching service adapter did: the
/// verified (then current) first name, the first middle name and date of birth, every surname, the first gender,
/// every address (current first); the hub's cycle 3 identifier as the cycle 3 dataset; the match ID is the RP's
/// AuthnRequest ID, which every query of one journey shares, so cycle 3 attempts are counted per journey.
/// </summary>
internal static class MatchRequestMapper
{
    public static MatchRequest ToMatchRequest(ValidatedMatchingQuery query) => new()
    {
        MatchId = query.AuthnRequestId,
        LevelOfAssurance = query.LevelOfAssurance,
        HashedPid = query.HashedPid,
        MatchingDataset = ToJson(query.MatchingDataset!),
        Cycle3Dataset = query.Cycle3 is { } cycle3
            ? new Cycle3Dataset { Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { [cycle3.Name] = cycle3.Value } }
            : null,
    };

    public static AccountCreationRequest ToAccountCreationRequest(ValidatedMatchingQuery query) => new()
    {
        HashedPid = query.HashedPid,
        LevelOfAssurance = query.LevelOfAssurance,
        MatchingDataset = ToJson(query.MatchingDataset!),
    };

    /// <summary>The value Verify's adapter chose: verified before unverified, then current (no <c>To</c>) before past.</summary>
    public static T? Preferred<T>(IEnumerable<T> values)
        where T : MatchingDatasetValue =>
        values.OrderByDescending(v => v.Verified).ThenBy(v => v.To is null ? 0 : 1).FirstOrDefault();

    public static JsonDataset ToJson(SamlDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new JsonDataset
        {
            FirstName = Preferred(dataset.FirstNames) is { } first ? Name(first) : null,
            MiddleNames = dataset.MiddleNames.Count > 0 ? Name(dataset.MiddleNames[0]) : null,
            Surnames = [.. dataset.Surnames.Select(Name)],
            Gender = dataset.Genders.Count > 0 ? Gender(dataset.Genders[0]) : null,
            DateOfBirth = Preferred(dataset.DatesOfBirth) is { } dob
                ? new MdsValue<DateOnly> { Value = dob.Value, Verified = dob.Verified, From = dob.From, To = dob.To }
                : null,
            Addresses = [.. dataset.CurrentAddresses.Concat(dataset.PreviousAddresses).Select(Address)],
        };
    }

    private static MdsValue<string> Name(PersonNameValue name) =>
        new() { Value = name.Value, Verified = name.Verified, From = name.From, To = name.To };

    private static MdsValue<MdsGender> Gender(GenderValue gender) => new()
    {
        Value = gender.Value switch
        {
            Saml.Saml.Gender.Male => MdsGender.Male,
            Saml.Saml.Gender.Female => MdsGender.Female,
            _ => MdsGender.NotSpecified,
        },
        Verified = gender.Verified,
        From = gender.From,
        To = gender.To,
    };

    private static MdsAddress Address(AddressValue address) => new()
    {
        Lines = address.Lines,
        PostCode = address.PostCode,
        InternationalPostCode = address.InternationalPostCode,
        Uprn = address.Uprn,
        From = address.From,
        To = address.To,
        Verified = address.Verified,
    };
}
