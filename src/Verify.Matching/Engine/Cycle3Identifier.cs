namespace Verify.Matching.Engine;

/// <summary>An identifier typed in cycle 3: its type and normalised value, or null when the value does not have the type's shape.</summary>
/// <param name="Type">A configured identifier type.</param>
/// <param name="NormalisedValue">The normalised value; null for a mistyped one (a no-match, not an error).</param>
internal sealed record Cycle3Identifier(string Type, string? NormalisedValue);
