using System.Xml;

namespace Verify.Saml.Metadata;

/// <summary>A <c>md:ContactPerson</c> (SAML Metadata 2.3.2.2): someone to call about the entity.</summary>
public sealed record ContactPerson
{
    /// <summary>The required <c>contactType</c>.</summary>
    public required ContactType Type { get; init; }

    /// <summary>The <c>md:Company</c>, if given.</summary>
    public string? Company { get; init; }

    /// <summary>The <c>md:GivenName</c>, if given.</summary>
    public string? GivenName { get; init; }

    /// <summary>The <c>md:SurName</c>, if given.</summary>
    public string? Surname { get; init; }

    /// <summary>The <c>md:EmailAddress</c> values (URIs, normally <c>mailto:</c>).</summary>
    public IReadOnlyList<string> EmailAddresses { get; init; } = [];

    /// <summary>The <c>md:TelephoneNumber</c> values.</summary>
    public IReadOnlyList<string> TelephoneNumbers { get; init; } = [];

    /// <summary>The children of <c>md:Extensions</c>, as read.</summary>
    public IReadOnlyList<XmlElement> Extensions { get; init; } = [];
}
