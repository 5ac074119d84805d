using System.Xml;

namespace Verify.Saml.Saml;

/// <summary>
/// A <c>saml:Assertion</c> (SAML Core 2.3.3). A Verify IDP sends two: one with the
/// <see cref="AuthnStatement"/> (level of assurance, <c>TXN_IPaddress</c>) and one with the matching dataset.
/// </summary>
/// <remarks>
/// Reading does not check the signature: <see cref="Signature"/> only records the <c>ds:Signature</c> found in the
/// schema's position (right after the <c>saml:Issuer</c>), and <see cref="Source"/> is the element read, so the
/// signature layer can check that the element signed is the element used.
/// Equality is record equality: lists and XML elements compare by reference.
/// </remarks>
public sealed record Assertion
{
    /// <summary>The assertion's <c>ID</c>.</summary>
    public required string Id { get; init; }

    /// <summary>When the assertion was issued (UTC).</summary>
    public required DateTimeOffset IssueInstant { get; init; }

    /// <summary>Who issued the assertion.</summary>
    public required Issuer Issuer { get; init; }

    /// <summary>Who the assertion is about.</summary>
    public Subject? Subject { get; init; }

    /// <summary>When and to whom the assertion is valid.</summary>
    public Conditions? Conditions { get; init; }

    /// <summary>The authentication statements, in document order.</summary>
    public IReadOnlyList<AuthnStatement> AuthnStatements { get; init; } = [];

    /// <summary>The attribute statements, in document order.</summary>
    public IReadOnlyList<AttributeStatement> AttributeStatements { get; init; } = [];

    /// <summary>The <c>ds:Signature</c> element found right after the issuer, if any; never verified here.</summary>
    public XmlElement? Signature { get; init; }

    /// <summary>Whether the assertion carried a <c>ds:Signature</c> in the schema's position.</summary>
    public bool HasSignature => Signature is not null;

    /// <summary>The element this assertion was read from; null for an assertion built in code.</summary>
    public XmlElement? Source { get; init; }

    /// <summary>All attributes of all attribute statements, in document order.</summary>
    public IEnumerable<SamlAttribute> Attributes => AttributeStatements.SelectMany(statement => statement.Attributes);
}
