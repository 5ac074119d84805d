using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.IdentityModel.JsonWebTokens;

namespace Verify.Saml.Saml;

/// <summary>
/// The matching dataset an OIDC IDP sends in its ID token (ADR 0022 "Claims"), read one way for the hub (the token it
/// just validated) and for the matching service (the same token, relayed as evidence and verified again, ADR 0025):
/// Verify's <c>verify_mds</c> object when present (history and verified flags kept), otherwise the OIDC Core 5.1
/// standard claims for the current values, which the certified IDP vouches for at the <c>acr</c> level. The callers
/// validate the token first; this reads claims only and leaves the refusal, its code and its audit to them.
/// </summary>
public static class MatchingDatasetClaims
{
    /// <summary>Verify's whole matching dataset as one JSON object (ADR 0022).</summary>
    public const string MatchingDatasetClaim = "verify_mds";

    /// <summary>The longest standard claim value taken (a name or a date); a longer one counts as absent.</summary>
    public const int MaxClaimLength = 512;

    // verify_mds is a flat object of lists of values: depth 8 is ample and bounds the parser's recursion.
    private static readonly JsonSerializerOptions DatasetJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        MaxDepth = 8,
    };

    /// <summary>
    /// Reads the dataset. A first name, a surname and a date of birth are required, as Verify's IDP profile required
    /// them of SAML answers.
    /// </summary>
    /// <returns>Whether a usable dataset was read; otherwise <paramref name="problem"/> says why.</returns>
    public static bool TryRead(JsonWebToken token, [NotNullWhen(true)] out MatchingDataset? dataset, out MatchingDatasetClaimsProblem problem)
    {
        ArgumentNullException.ThrowIfNull(token);
        MatchingDataset? read;
        try
        {
            read = token.TryGetPayloadValue<JsonElement>(MatchingDatasetClaim, out var mds) && mds.ValueKind == JsonValueKind.Object
                ? mds.Deserialize<MatchingDataset>(DatasetJson)
                : FromStandardClaims(token);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException or ArgumentException)
        {
            (dataset, problem) = (null, MatchingDatasetClaimsProblem.Unreadable);
            return false;
        }

        (dataset, problem) = read is { FirstNames.Count: > 0, Surnames.Count: > 0, DatesOfBirth.Count: > 0 }
            ? (read, MatchingDatasetClaimsProblem.None)
            : (null, MatchingDatasetClaimsProblem.Incomplete);
        return dataset is not null;
    }

    // OIDC Core 5.1: given_name, middle_name, family_name, birthdate (YYYY-MM-DD) and gender ("female", "male"; any
    // other value is no gender). One current value each, verified.
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
        token.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrWhiteSpace(value) && value.Length <= MaxClaimLength ? value : null;
}
