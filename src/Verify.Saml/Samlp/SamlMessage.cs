using System.Xml;

using Verify.Saml.Saml;

namespace Verify.Saml.Samlp;

/// <summary>
/// What every SAML protocol message has (SAML Core 3.2.1 <c>RequestAbstractType</c> and 3.2.2
/// <c>StatusResponseType</c>). Reading enforces <c>Version="2.0"</c>; writing always emits it.
/// </summary>
/// <remarks>
/// Reading does not check the signature: <see cref="Signature"/> only records the <c>ds:Signature</c> found in the
/// schema's position (right after the <c>saml:Issuer</c>), and <see cref="Source"/> is the element read.
/// Equality is record equality: lists and XML elements compare by reference.
/// </remarks>
public abstract record SamlMessage
{
    private protected SamlMessage()
    {
    }

    /// <summary>The message's <c>ID</c>.</summary>
    public required string Id { get; init; }

    /// <summary>When the message was issued (UTC).</summary>
    public required DateTimeOffset IssueInstant { get; init; }

    /// <summary>The URL the message was sent to, if the sender said.</summary>
    public string? Destination { get; init; }

    /// <summary>Who sent the message. Optional in the schema; the profiles and our validators require it.</summary>
    public Issuer? Issuer { get; init; }

    /// <summary>The children of <c>samlp:Extensions</c>, as read; each is in a non-SAML namespace.</summary>
    public IReadOnlyList<XmlElement> Extensions { get; init; } = [];

    /// <summary>The <c>ds:Signature</c> element found right after the issuer, if any; never verified here.</summary>
    public XmlElement? Signature { get; init; }

    /// <summary>Whether the message carried a <c>ds:Signature</c> in the schema's position.</summary>
    public bool HasSignature => Signature is not null;

    /// <summary>The element this message was read from; null for a message built in code.</summary>
    public XmlElement? Source { get; init; }
}
