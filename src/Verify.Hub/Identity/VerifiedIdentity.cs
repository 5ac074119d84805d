using System.Text.Json;
using System.Text.Json.Serialization;

using Verify.Saml.Saml;

namespace Verify.Hub.Identity;

/// <summary>
/// The verified, current values of the IDP's matching dataset that a hub-asserted RP receives (ADR 0010): one first
/// name, middle names, surname, date of birth, gender and current address. Kept in the journey (as JSON) between
/// the IDP's answer and the RP's; personal data, so <see cref="ToString"/> shows nothing of it.
/// </summary>
internal sealed record VerifiedIdentity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? GivenName { get; init; }

    public string? MiddleNames { get; init; }

    public string? Surname { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? Gender { get; init; }

    public IReadOnlyList<string> AddressLines { get; init; } = [];

    public string? PostCode { get; init; }

    /// <summary>
    /// The verified values, preferring the current one (no To date) and then the most recent From date. An
    /// unverified value is never asserted to an RP (VERIFY-REFERENCE.md: an unverified value accompanies a verified one).
    /// </summary>
    public static VerifiedIdentity From(MatchingDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var middleNames = dataset.MiddleNames.Where(v => v.Verified).Select(v => v.Value).ToList();
        var address = Current(dataset.CurrentAddresses);
        return new VerifiedIdentity
        {
            GivenName = Current(dataset.FirstNames)?.Value,
            MiddleNames = middleNames.Count > 0 ? string.Join(' ', middleNames) : null,
            Surname = Current(dataset.Surnames)?.Value,
            DateOfBirth = Current(dataset.DatesOfBirth)?.Value,
            Gender = Current(dataset.Genders) is { } gender ? GenderValue.ToWireText(gender.Value) : null,
            AddressLines = address?.Lines ?? [],
            PostCode = address?.PostCode,
        };
    }

    public static VerifiedIdentity FromJson(string json) =>
        JsonSerializer.Deserialize<VerifiedIdentity>(json, Json) ?? throw new JsonException("Empty identity.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Personal data: shows nothing.</summary>
    public override string ToString() => nameof(VerifiedIdentity);

    /// <summary>The attributes for a hub-asserted RP: plain strings, named as <see cref="HubAttributeNames"/> says.</summary>
    public IReadOnlyList<SamlAttribute> ToAttributes()
    {
        var attributes = new List<SamlAttribute>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                attributes.Add(new SamlAttribute
                {
                    Name = name,
                    NameFormat = AttributeNameFormats.Uri,
                    FriendlyName = HubAttributeNames.FriendlyNames[name],
                    Values = [new StringValue(value)],
                });
            }
        }

        Add(HubAttributeNames.GivenName, GivenName);
        Add(HubAttributeNames.MiddleNames, MiddleNames);
        Add(HubAttributeNames.Surname, Surname);
        Add(HubAttributeNames.DateOfBirth, DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add(HubAttributeNames.Gender, Gender);
        // RFC 4517 3.3.28 PostalAddress: lines joined by '$', with '\' and '$' inside a line escaped as \5C and \24.
        Add(HubAttributeNames.PostalAddress, AddressLines.Count > 0
            ? string.Join('$', AddressLines.Select(l => l.Replace("\\", "\\5C", StringComparison.Ordinal).Replace("$", "\\24", StringComparison.Ordinal)))
            : null);
        Add(HubAttributeNames.PostalCode, PostCode);
        return attributes;
    }

    private static T? Current<T>(IReadOnlyList<T> values)
        where T : MatchingDatasetValue =>
        values.Where(v => v.Verified).OrderBy(v => v.To is null ? 0 : 1).ThenByDescending(v => v.From ?? DateOnly.MinValue).FirstOrDefault();
}
