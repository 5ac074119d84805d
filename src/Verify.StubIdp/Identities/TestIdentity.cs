using Verify.Saml.Saml;

namespace Verify.StubIdp.Identities;

/// <summary>
/// A person the stub IDP can sign in as: a stable key, what the identity is good for testing, and the matching
/// dataset it asserts (each value with its From, To and Verified, as Verify's IDPs sent them).
/// </summary>
public sealed record TestIdentity
{
    /// <summary>
    /// The stable key: the login page's radio value, and the input to each IDP's persistent identifier for this
    /// person (<see cref="PersistentIds"/>). Lowercase letters, digits and hyphens.
    /// </summary>
    public required string Key { get; init; }

    /// <summary>What makes this identity worth testing with (shown on the login page).</summary>
    public required string Description { get; init; }

    /// <summary>The matching dataset the IDP asserts; it has at least a first name, a surname and a date of birth.</summary>
    public required MatchingDataset Dataset { get; init; }

    /// <summary>The current names, e.g. <c>Sarah Elizabeth Thompson</c> (the values without an end date).</summary>
    public string DisplayName => string.Join(' ', new[] { Current(Dataset.FirstNames), Current(Dataset.MiddleNames), Current(Dataset.Surnames) }
        .Where(name => name is not null));

    /// <summary>The date of birth (the first value).</summary>
    public DateOnly? DateOfBirth => Dataset.DatesOfBirth.Count > 0 ? Dataset.DatesOfBirth[0].Value : null;

    private static string? Current(IReadOnlyList<PersonNameValue> names) =>
        (names.FirstOrDefault(n => n.To is null) ?? (names.Count > 0 ? names[0] : null))?.Value;
}
