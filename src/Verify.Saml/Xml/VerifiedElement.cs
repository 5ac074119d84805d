using System.Xml;

using Verify.Saml.Trust;

namespace Verify.Saml.Xml;

/// <summary>
/// An element whose enveloped signature was verified against a key trusted for the expected party.
/// Only <see cref="XmlSignatureVerifier"/> creates one, so code that takes a <see cref="VerifiedElement"/>
/// works with the element that was signed and with nothing else.
/// </summary>
public sealed class VerifiedElement
{
    internal VerifiedElement(XmlElement element, string partyId, TrustedSigningKey key, string signatureMethod, string digestMethod)
    {
        Element = element;
        PartyId = partyId;
        Key = key;
        SignatureMethod = signatureMethod;
        DigestMethod = digestMethod;
    }

    /// <summary>The signed element. Read the message from this element, not from a fresh lookup.</summary>
    public XmlElement Element { get; }

    /// <summary>The party whose key verified the signature.</summary>
    public string PartyId { get; }

    /// <summary>The key that verified the signature.</summary>
    public TrustedSigningKey Key { get; }

    /// <summary>The signature method URI.</summary>
    public string SignatureMethod { get; }

    /// <summary>The digest method URI.</summary>
    public string DigestMethod { get; }
}
