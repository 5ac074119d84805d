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

    /// <summary>The OIDC Core 5.1 standard claims the dataset is read from when there is no <c>verify_mds</c>.</summary>
    public static IReadOnlyList<string> StandardClaims { get; } = ["given_name", "middle_name", "family_name", "birthdate", "gender"];

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
    public static bool TryRead(JsonWebToken token, [NotNullWhen(true)] out MatchingDataset? dataset, out MatchingDatasetClaimsProblem problem) =>
        TryRead(token, new Dictionary<string, string>(StringComparer.Ordinal), out dataset, out problem);

    /// <summary>
    /// Reads the dataset from the ID token and, for a standard claim the token does not carry at all, from
    /// <paramref name="vouched"/> (claims the hub took from userinfo, ADR 0025 addendum): a claim the IDP signed is
    /// never replaced. With <c>verify_mds</c> in the token the dataset is that object alone.
    /// </summary>
    /// <returns>Whether a usable dataset was read; otherwise <paramref name="problem"/> says why.</returns>
    public static bool TryRead(
        JsonWebToken token, IReadOnlyDictionary<string, string> vouched, [NotNullWhen(true)] out MatchingDataset? dataset, out MatchingDatasetClaimsProblem problem)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(vouched);
        MatchingDataset? read;
        try
        {
            read = HasMatchingDataset(token) && token.TryGetPayloadValue<JsonElement>(MatchingDatasetClaim, out var mds)
                ? mds.Deserialize<MatchingDataset>(DatasetJson)
                : FromStandardClaims(claim => token.TryGetClaim(claim, out _) ? Text(token, claim) : Text(vouched, claim));
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

    /// <summary>Whether the token carries Verify's <c>verify_mds</c> object (then no standard claim is read).</summary>
    public static bool HasMatchingDataset(JsonWebToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.TryGetPayloadValue<JsonElement>(MatchingDatasetClaim, out var mds) && mds.ValueKind == JsonValueKind.Object;
    }

    /// <summary>
    /// The standard claims the token does not carry at all: the only ones another source may supply (ADR 0025
    /// addendum); none when it carries <c>verify_mds</c>.
    /// </summary>
    public static IReadOnlyList<string> AbsentStandardClaims(JsonWebToken token) =>
        HasMatchingDataset(token) ? [] : [.. StandardClaims.Where(claim => !token.TryGetClaim(claim, out _))];

    // OIDC Core 5.1: given_name, middle_name, family_name, birthdate (YYYY-MM-DD) and gender ("female", "male"; any
    // other value is no gender). One current value each, verified.
    private static MatchingDataset FromStandardClaims(Func<string, string?> claim) => new()
    {
        FirstNames = Names(claim("given_name")),
        MiddleNames = Names(claim("middle_name")),
        Surnames = Names(claim("family_name")),
        DatesOfBirth = claim("birthdate") is { } born
            ? [new DateValue { Value = DateOnly.ParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture), Verified = true }]
            : [],
        Genders = claim("gender") switch
        {
            "female" => [new GenderValue { Value = Gender.Female, Verified = true }],
            "male" => [new GenderValue { Value = Gender.Male, Verified = true }],
            _ => [],
        },
    };

    private static List<PersonNameValue> Names(string? name) =>
        name is not null ? [new PersonNameValue { Value = name, Verified = true }] : [];

    private static string? Text(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<string>(claim, out var value) ? Usable(value) : null;

    private static string? Text(IReadOnlyDictionary<string, string> claims, string claim) =>
        claims.TryGetValue(claim, out var value) ? Usable(value) : null;

    private static string? Usable(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxClaimLength ? value : null;
}
