using System.Diagnostics.CodeAnalysis;

namespace Verify.Audit;

/// <summary>
/// A code in an audit event: an error code from the catalogue, a SAML status code URI, a journey state or step name,
/// an outcome, a GPG45 status. Letters, digits and <c>_ . : / -</c> only, at most 256 characters, so a code cannot
/// carry free text (a name, an address) into the trail.
/// </summary>
public sealed record AuditCode
{
    /// <summary>The longest code.</summary>
    public const int MaxLength = 256;

    private AuditCode(string value)
    {
        Value = value;
    }

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <summary>Reads a code.</summary>
    /// <exception cref="FormatException">Empty, too long, or a character outside <c>A-Z a-z 0-9 _ . : / -</c>.</exception>
    public static AuditCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"Not an audit code: 1 to {MaxLength} of A-Z a-z 0-9 _ . : / -.");

    /// <summary>Reads a code; false for anything that is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out AuditCode? code)
    {
        code = value is { Length: > 0 and <= MaxLength } && value.All(IsAllowed) ? new AuditCode(value) : null;
        return code is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-';
}
