using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Saml.Bindings;

/// <summary>
/// A message received over HTTP-Redirect (SAML Bindings 3.4), parsed but not yet trusted. Call
/// <see cref="VerifySignature"/> with the keys of the party the message claims to come from before using it.
/// </summary>
public sealed class RedirectMessage
{
    private readonly byte[]? _signedOctets;
    private readonly byte[]? _signature;

    internal RedirectMessage(XmlDocument document, SamlMessageKind kind, string? relayState, string? sigAlg, byte[]? signature, byte[]? signedOctets)
    {
        Document = document;
        Kind = kind;
        RelayState = relayState;
        SigAlg = sigAlg;
        _signature = signature;
        _signedOctets = signedOctets;
    }

    /// <summary>The inflated message, parsed by <see cref="SecureXml"/>.</summary>
    public XmlDocument Document { get; }

    /// <summary>Whether it came as <c>SAMLRequest</c> or <c>SAMLResponse</c> (the root element agrees).</summary>
    public SamlMessageKind Kind { get; }

    /// <summary>The decoded RelayState (at most 80 bytes, SAML Bindings 3.4.3), or null when absent.</summary>
    public string? RelayState { get; }

    /// <summary>The decoded SigAlg URI, or null when the query is unsigned. Not yet checked against the allow-list.</summary>
    public string? SigAlg { get; }

    /// <summary>Whether the query carries a signature (SigAlg and Signature).</summary>
    public bool IsSigned => _signature is not null;

    /// <summary>
    /// Verifies the query signature (SAML Bindings 3.4.4.1) with the keys trusted for the expected party, over
    /// the parameters exactly as they were received, never re-encoded. The signature covers the deflated
    /// message, so it vouches for the whole <see cref="Document"/>.
    /// </summary>
    /// <returns>The verified root element, to read the message from.</returns>
    /// <exception cref="SamlException">
    /// Unsigned (<see cref="SamlErrorCode.BindingSignatureMissing"/>), SigAlg not allowed
    /// (<see cref="SamlErrorCode.BindingSignatureAlgorithmNotAllowed"/>), or not made by a trusted key
    /// (<see cref="SamlErrorCode.BindingSignatureInvalid"/>, <see cref="SamlErrorCode.SignatureKeyTooWeak"/>).
    /// </exception>
    public VerifiedElement VerifySignature(TrustedKeySet trustedKeys)
    {
        ArgumentNullException.ThrowIfNull(trustedKeys);
        if (_signature is null || _signedOctets is null || SigAlg is null)
        {
            throw new SamlException(SamlErrorCode.BindingSignatureMissing);
        }

        var key = RedirectSignature.Verify(_signedOctets, _signature, SigAlg, trustedKeys);
        var (hash, _) = SignatureAlgorithms.SignatureMethod(SigAlg);
        return new VerifiedElement(Document.DocumentElement!, trustedKeys.PartyId, key, SigAlg, SignatureAlgorithms.DigestUri(hash));
    }
}
