using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.IdentityModel.JsonWebTokens;

using Verify.Saml.Errors;
using Verify.Saml.Saml;

namespace Verify.MatchingService.Validation;

/// <summary>
/// The matching dataset an OIDC IDP signed in its ID token (ADR 0022 "Claims", ADR 0025): Verify's <c>verify_mds</c>
/// object when present (history and verified flags kept), otherwise the OIDC Core 5.1 standard claims, current values
/// vouched for by the IDP. Read here from the token whose signature was just checked, never from the hub's copy.
/// </summary>
internal static class OidcDatasetReader
{
    /// <summary>Verify's matching dataset claim (the same name the hub reads).</summary>
    public const string MatchingDatasetClaim = "verify_mds";

    private static readonly JsonSerializerOptions DatasetJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        MaxDepth = 8,
    };

    /// <summary>The dataset; a first name, a surname and a date of birth are required, as of a SAML IDP.</summary>
    /// <exception cref="SamlException">No usable matching dataset (the SAML path's refusal).</exception>
    public static MatchingDataset Dataset(JsonWebToken token)
    {
        MatchingDataset? dataset;
        try
        {
            dataset = token.TryGetPayloadValue<JsonElement>(MatchingDatasetClaim, out var mds) && mds.ValueKind == JsonValueKind.Object
                ? mds.Deserialize<MatchingDataset>(DatasetJson)
                : FromStandardClaims(token);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException or ArgumentException)
        {
            throw new SamlException(SamlErrorCode.ProtocolMatchingDatasetInvalid);
        }

        return dataset is { FirstNames.Count: > 0, Surnames.Count: > 0, DatesOfBirth.Count: > 0 }
            ? dataset
            : throw new SamlException(SamlErrorCode.ProtocolMatchingDatasetInvalid);
    }

    private static MatchingDataset FromStandardClaims(JsonWebToken token) => new()
    {
        FirstNames = Names(token, "given_name"),
        MiddleNames = Names(token, "middle_name"),
        Surnames = Names(token, "family_name"),
        DatesOfBirth = Text(token, "birthdate") is { } born
            ? [new DateValue { Value = DateOnly.ParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture), Verified = true }]
            : [],
        Genders = Text(token, "gender") switch
        {
            "female" => [new GenderValue { Value = Gender.Female, Verified = true }],
            "male" => [new GenderValue { Value = Gender.Male, Verified = true }],
            _ => [],
        },
    };

    private static List<PersonNameValue> Names(JsonWebToken token, string claim) =>
        Text(token, claim) is { } name ? [new PersonNameValue { Value = name, Verified = true }] : [];

    private static string? Text(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrWhiteSpace(value) && value.Length <= 512 ? value : null;
}
