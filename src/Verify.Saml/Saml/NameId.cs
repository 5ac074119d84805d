namespace Verify.Saml.Saml;

/// <summary>
/// A <c>saml:NameID</c> (SAML Core 2.2.3): the identifier of a principal, e.g. the persistent identifier
/// an IDP gives a citizen.
/// </summary>
public sealed record NameId
{
    /// <summary>The identifier, exactly as the whole text content of the element (surrounding whitespace trimmed).</summary>
    public required string Value { get; init; }

    /// <summary>The <c>Format</c> URI (see <see cref="NameIdFormats"/>); absent means unspecified.</summary>
    public string? Format { get; init; }

    /// <summary>The security or administrative domain that qualifies the identifier.</summary>
    public string? NameQualifier { get; init; }

    /// <summary>The service provider that qualifies the identifier (for pairwise identifiers).</summary>
    public string? SPNameQualifier { get; init; }

    /// <summary>An alternative identifier established by the service provider.</summary>
    public string? SPProvidedId { get; init; }

    /// <summary>A persistent NameID, the form Verify IDPs use for the citizen's PID.</summary>
    public static NameId Persistent(string value) => new() { Value = value, Format = NameIdFormats.Persistent };
}
