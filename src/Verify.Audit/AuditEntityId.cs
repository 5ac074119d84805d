using System.Diagnostics.CodeAnalysis;

namespace Verify.Audit;

/// <summary>
/// An organisation's identifier in an audit event: a SAML entity ID or OIDC client ID of an RP, an IDP or a matching
/// service. Organisations, not people, so it is kept in clear; it is limited to 1024 printable ASCII characters
/// without spaces (SAML Metadata 2.3.2: an entity ID is a URI of at most 1024 characters), so it cannot carry free
/// text such as a name or an address.
/// </summary>
public sealed record AuditEntityId
{
    /// <summary>The longest entity ID (SAML Metadata 2.3.2).</summary>
    public const int MaxLength = 1024;

    private AuditEntityId(string value)
    {
        Value = value;
    }

    /// <summary>The entity ID as registered.</summary>
    public string Value { get; }

    /// <summary>Reads an entity ID.</summary>
    /// <exception cref="FormatException">Empty, longer than 1024 characters, or not printable ASCII without spaces.</exception>
    public static AuditEntityId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException($"Not an entity ID: 1 to {MaxLength} printable ASCII characters without spaces.");

    /// <summary>Reads an entity ID; false for anything that is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out AuditEntityId? id)
    {
        id = value is { Length: > 0 and <= MaxLength } && value.All(c => c is >= '!' and <= '~') ? new AuditEntityId(value) : null;
        return id is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
