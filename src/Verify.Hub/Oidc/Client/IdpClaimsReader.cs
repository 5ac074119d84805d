using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.IdentityModel.JsonWebTokens;

using Verify.Saml.Saml;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// Reads the matching dataset out of a validated ID token (ADR 0022 "Claims"): Verify's <c>verify_mds</c> object when
/// the IDP sends it (history and verified flags kept), otherwise the OIDC Core 5.1 standard claims for the current
/// values, which the certified IDP vouches for at the <c>acr</c> level. Either way a first name, a surname and a date
/// of birth are required, as Verify's IDP profile required them of SAML answers.
/// </summary>
internal static class IdpClaimsReader
{
    private static readonly JsonSerializerOptions DatasetJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        MaxDepth = 8,
    };

    /// <summary>The dataset, or a refusal.</summary>
    /// <exception cref="OidcClientException">The claims hold no usable matching dataset.</exception>
    public static MatchingDataset Dataset(JsonWebToken token)
    {
        MatchingDataset? dataset;
        try
        {
            dataset = token.TryGetPayloadValue<JsonElement>(IdpClaimNames.MatchingDataset, out var mds) && mds.ValueKind == JsonValueKind.Object
                ? mds.Deserialize<MatchingDataset>(DatasetJson)
                : FromStandardClaims(token);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException or ArgumentException)
        {
            throw new OidcClientException(OidcClientErrorCode.IdTokenClaimsInvalid, "The identity claims could not be read.");
        }

        return dataset is { FirstNames.Count: > 0, Surnames.Count: > 0, DatesOfBirth.Count: > 0 }
            ? dataset
            : throw new OidcClientException(OidcClientErrorCode.IdTokenClaimsInvalid, "The identity claims lack a first name, a surname or a date of birth.");
    }

    private static MatchingDataset FromStandardClaims(JsonWebToken token)
    {
        return new MatchingDataset
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
    }

    private static List<PersonNameValue> Names(JsonWebToken token, string claim) =>
        Text(token, claim) is { } name ? [new PersonNameValue { Value = name, Verified = true }] : [];

    private static string? Text(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrWhiteSpace(value) && value.Length <= 512 ? value : null;
}
