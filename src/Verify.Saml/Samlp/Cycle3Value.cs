namespace Verify.Saml.Samlp;

/// <summary>
/// The one extra identifier a citizen typed after a cycle 1 no-match (Verify's cycle 3), e.g.
/// <c>NationalInsuranceNumber</c> = <c>AB 12 34 56 C</c>. The hub carries it to the matching service in an
/// assertion of its own, signed and encrypted for the matching service.
/// </summary>
/// <param name="Name">The relying party's cycle 3 attribute name.</param>
/// <param name="Value">What the citizen typed (format-checked by the hub first).</param>
public sealed record Cycle3Value(string Name, string Value)
{
    /// <summary>Longest attribute name accepted.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest value accepted.</summary>
    public const int MaxValueLength = 256;

    /// <summary>Whether the name and value are non-empty and within the limits.</summary>
    public bool IsWellFormed =>
        !string.IsNullOrWhiteSpace(Name) && Name.Length <= MaxNameLength && Name.All(char.IsAsciiLetterOrDigit)
        && !string.IsNullOrWhiteSpace(Value) && Value.Length <= MaxValueLength;
}
