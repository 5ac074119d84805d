using System.Xml;

namespace Verify.Saml.Metadata;

/// <summary>
/// A <c>md:Organization</c> (SAML Metadata 2.3.2.1): who is responsible for the entity, with names, display names
/// and URLs in one or more languages (Verify shows English and Welsh).
/// </summary>
public sealed record Organization
{
    /// <summary>The <c>md:OrganizationName</c> values; at least one.</summary>
    public required IReadOnlyList<LocalizedText> Names { get; init; }

    /// <summary>The <c>md:OrganizationDisplayName</c> values; at least one.</summary>
    public required IReadOnlyList<LocalizedText> DisplayNames { get; init; }

    /// <summary>The <c>md:OrganizationURL</c> values; at least one.</summary>
    public required IReadOnlyList<LocalizedText> Urls { get; init; }

    /// <summary>The children of <c>md:Extensions</c>, as read.</summary>
    public IReadOnlyList<XmlElement> Extensions { get; init; } = [];
}
