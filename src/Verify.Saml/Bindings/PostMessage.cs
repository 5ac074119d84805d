using System.Xml;

namespace Verify.Saml.Bindings;

/// <summary>
/// A message received over HTTP-POST (SAML Bindings 3.5), parsed but not yet trusted: the binding itself
/// carries no signature (3.5.4), so the caller verifies the message's own XML signature next
/// (<see cref="Xml.XmlSignatureVerifier"/> or <see cref="Xml.SignedResponseVerifier"/>).
/// </summary>
public sealed class PostMessage
{
    internal PostMessage(XmlDocument document, SamlMessageKind kind, string? relayState)
    {
        Document = document;
        Kind = kind;
        RelayState = relayState;
    }

    /// <summary>The decoded message, parsed by <see cref="Xml.SecureXml"/>.</summary>
    public XmlDocument Document { get; }

    /// <summary>Whether it came as <c>SAMLRequest</c> or <c>SAMLResponse</c> (the root element agrees).</summary>
    public SamlMessageKind Kind { get; }

    /// <summary>The RelayState form value (at most 80 bytes, SAML Bindings 3.5.3), or null when absent.</summary>
    public string? RelayState { get; }
}
