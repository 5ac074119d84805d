namespace Verify.Saml.Saml;

/// <summary>
/// A <c>saml:Issuer</c> (SAML Core 2.2.5): the entity that issued a message or assertion. It has the same
/// shape as <see cref="NameId"/>; for the usual entity format the qualifiers are absent.
/// </summary>
public sealed record Issuer
{
    /// <summary>The issuer, normally an entity ID.</summary>
    public required string Value { get; init; }

    /// <summary>The <c>Format</c> URI; absent means <see cref="NameIdFormats.Entity"/>.</summary>
    public string? Format { get; init; }

    /// <summary>The security or administrative domain that qualifies the name (not used with the entity format).</summary>
    public string? NameQualifier { get; init; }

    /// <summary>The service provider that qualifies the name (not used with the entity format).</summary>
    public string? SPNameQualifier { get; init; }

    /// <summary>An issuer named by its entity ID, with <c>Format</c> omitted (which means entity).</summary>
    public static Issuer Entity(string entityId) => new() { Value = entityId };
}
