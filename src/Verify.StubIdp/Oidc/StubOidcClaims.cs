using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

using Verify.Saml.Saml;
using Verify.StubIdp.Identities;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// The identity claims the stub's OpenID Provider asserts (ADR 0022 "Claims"): the OIDC Core 5.1 standard claims for
/// the current values (<c>given_name</c>, <c>middle_name</c>, <c>family_name</c>, <c>birthdate</c>, <c>gender</c>,
/// <c>address</c>), and Verify's whole matching dataset, history and verified flags included, as one JSON object in
/// <see cref="MatchingDataset"/> (<c>verify_mds</c>), which is what the hub matches on.
/// </summary>
internal static class StubOidcClaims
{
    /// <summary>Verify's matching dataset (the MDS_* attributes' content, camelCase, dates ISO 8601).</summary>
    public const string MatchingDataset = "verify_mds";

    /// <summary>The GPG 45 fraud indicator of a <c>levelX</c> answer (Verify's <c>FECI_GPG45Status</c>).</summary>
    public const string Gpg45Status = "verify_gpg45_status";

    /// <summary>The IDP's fraud event identifier (Verify's <c>FECI_IDPFraudEventID</c>).</summary>
    public const string FraudEventId = "verify_fraud_event_id";

    /// <summary>The address the citizen reached the IDP from (Verify's <c>TXN_IPaddress</c>).</summary>
    public const string IpAddress = "verify_ip_address";

    /// <summary>How <see cref="MatchingDataset"/> is written.</summary>
    public static JsonSerializerOptions DatasetJson { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The identity claims of <paramref name="identity"/> (no <c>sub</c>: the caller adds the IDP's PID).</summary>
    public static Dictionary<string, object> For(TestIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var dataset = identity.Dataset;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        Add(claims, "given_name", Current(dataset.FirstNames));
        Add(claims, "middle_name", Current(dataset.MiddleNames));
        Add(claims, "family_name", Current(dataset.Surnames));
        if (identity.DateOfBirth is { } born)
        {
            claims["birthdate"] = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // OIDC Core 5.1: "female" and "male" are defined; other values may be used.
        if (dataset.Genders is [var gender, ..])
        {
            claims["gender"] = gender.Value switch
            {
                Gender.Female => "female",
                Gender.Male => "male",
                _ => "not specified",
            };
        }

        var address = dataset.CurrentAddresses.FirstOrDefault(a => a.To is null) ?? (dataset.CurrentAddresses.Count > 0 ? dataset.CurrentAddresses[0] : null);
        if (address is not null)
        {
            claims["address"] = new Dictionary<string, string?>
            {
                ["street_address"] = string.Join('\n', address.Lines),
                ["postal_code"] = address.PostCode ?? address.InternationalPostCode,
                ["formatted"] = string.Join('\n', address.Lines.Append(address.PostCode ?? address.InternationalPostCode ?? "")).TrimEnd('\n'),
            };
        }

        claims[MatchingDataset] = JsonSerializer.SerializeToElement(dataset, DatasetJson);
        return claims;
    }

    private static void Add(Dictionary<string, object> claims, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims[name] = value;
        }
    }

    private static string? Current(IReadOnlyList<PersonNameValue> names) =>
        (names.FirstOrDefault(n => n.To is null) ?? (names.Count > 0 ? names[0] : null))?.Value;
}
