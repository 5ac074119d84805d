using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

using Verify.Hub.Journey.Serialization;

namespace Verify.Hub.Journey;

/// <summary>
/// A journey's identifier: 128 bits from the operating system's cryptographic generator, as 22 base64url
/// characters. The session cookie carries it, so it is a bearer secret: unguessable, never logged, and parsed
/// strictly because a cookie is outside input. (Cryptographic randomness is deliberately not injectable, ADR 4.)
/// </summary>
[JsonConverter(typeof(JourneyIdJsonConverter))]
public sealed class JourneyId : IEquatable<JourneyId>
{
    /// <summary>Random bytes in an identifier.</summary>
    public const int ByteLength = 16;

    /// <summary>Characters in an identifier's text form.</summary>
    public const int TextLength = 22;

    private JourneyId(string value)
    {
        Value = value;
    }

    /// <summary>The text form (base64url, no padding).</summary>
    public string Value { get; }

    /// <summary>A new random identifier.</summary>
    public static JourneyId New()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        RandomNumberGenerator.Fill(bytes);
        return new JourneyId(Base64Url.EncodeToString(bytes));
    }

    /// <summary>Parses the text form, e.g. from the session cookie.</summary>
    /// <exception cref="FormatException">Not 22 base64url characters encoding 16 bytes.</exception>
    public static JourneyId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException("Not a journey ID.");

    /// <summary>Parses the text form; false for anything that is not exactly a journey ID.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out JourneyId? id)
    {
        id = null;
        if (value is null || value.Length != TextLength || !Base64Url.IsValid(value, out var decodedLength)
            || decodedLength != ByteLength)
        {
            return false;
        }

        // 22 characters carry 132 bits; the last 4 must be zero, or one ID would have 16 spellings.
        Span<byte> bytes = stackalloc byte[ByteLength];
        if (Base64Url.DecodeFromChars(value, bytes) != ByteLength || Base64Url.EncodeToString(bytes) != value)
        {
            return false;
        }

        id = new JourneyId(value);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(JourneyId? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as JourneyId);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>A shortened form for diagnostics: the full value is a bearer secret.</summary>
    public override string ToString() => Value[..4] + "…";

    public static bool operator ==(JourneyId? left, JourneyId? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(JourneyId? left, JourneyId? right) => !(left == right);
}
