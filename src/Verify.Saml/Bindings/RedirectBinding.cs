using System.Text;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Bindings;

/// <summary>
/// The HTTP-Redirect binding (SAML Bindings 3.4): a message DEFLATE-compressed, base64-encoded and
/// URL-encoded into a query string, optionally signed over the query itself (3.4.4.1). Works on plain
/// strings: the host passes the raw query string as received and sends the URL it gets back.
/// </summary>
public static class RedirectBinding
{
    /// <summary>
    /// Builds the URL to redirect the browser to. The parameter is <c>SAMLRequest</c> or <c>SAMLResponse</c>
    /// as the root element says. Any enveloped signature on the message is removed and, with a credential,
    /// the query is signed instead (3.4.4.1).
    /// </summary>
    /// <param name="message">A SAML protocol message.</param>
    /// <param name="destination">The endpoint; an <c>https:</c> URL, which may carry a query of its own.</param>
    /// <param name="relayState">At most 80 bytes (3.4.3); null or empty for none.</param>
    /// <param name="credential">Signs the query when given.</param>
    /// <param name="allowLoopbackHttp">Development only: also allow <c>http://localhost</c> and <c>http://127.0.0.1</c>.</param>
    /// <exception cref="SamlException">The destination, RelayState or message is refused.</exception>
    public static string Encode(XmlDocument message, string destination, string? relayState, SigningCredential? credential, bool allowLoopbackHttp = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var root = message.DocumentElement ?? throw new SamlException(SamlErrorCode.XmlEmpty);
        BindingRules.RequireDestination(destination, allowLoopbackHttp);
        if (destination.Contains('#', StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.BindingDestinationNotAllowed, "A redirect destination cannot carry a fragment.");
        }

        BindingRules.RequireRelayState(relayState);
        var kind = BindingRules.KindOf(root);

        // 3.4.4.1: "Any signature on the SAML protocol message, including the <ds:Signature> XML element
        // itself, MUST be removed." The caller's document is left as it was.
        var unsigned = (XmlElement)root.CloneNode(deep: true);
        foreach (var signature in unsigned.ChildNodes.OfType<XmlElement>()
            .Where(e => e is { LocalName: "Signature", NamespaceURI: XmlNames.DSig }).ToList())
        {
            unsigned.RemoveChild(signature);
        }

        var deflated = SamlMessageEncoding.Deflate(SamlMessageEncoding.Serialize(unsigned));
        var query = new StringBuilder();
        query.Append(BindingRules.ParameterName(kind)).Append('=').Append(FormUrlEncoding.Encode(Convert.ToBase64String(deflated)));
        if (!string.IsNullOrEmpty(relayState))
        {
            query.Append('&').Append(BindingRules.RelayState).Append('=').Append(FormUrlEncoding.Encode(relayState));
        }

        if (credential is not null)
        {
            // 3.4.4.1: the signature is over "SAMLRequest=…&RelayState=…&SigAlg=…" as it appears in the URL.
            query.Append('&').Append(BindingRules.SigAlg).Append('=').Append(FormUrlEncoding.Encode(credential.SignatureMethod));
            var signature = credential.Sign(Encoding.ASCII.GetBytes(query.ToString()));
            query.Append('&').Append(BindingRules.Signature).Append('=').Append(FormUrlEncoding.Encode(Convert.ToBase64String(signature)));
        }

        var glue = !destination.Contains('?', StringComparison.Ordinal) ? "?" : destination.EndsWith('?') || destination.EndsWith('&') ? "" : "&";
        return destination + glue + query;
    }

    /// <summary>
    /// Reads a message from the raw query string as received (leading <c>?</c> optional, still URL-encoded).
    /// The message is inflated with a cap and parsed by <see cref="SecureXml"/>; the signature is kept for
    /// <see cref="RedirectMessage.VerifySignature"/>, which the caller must call with the sender's keys.
    /// </summary>
    /// <exception cref="SamlException">The query or message is refused; the code says why.</exception>
    public static RedirectMessage Decode(string rawQuery, RedirectDecodeOptions? options = null)
    {
        options ??= RedirectDecodeOptions.Default;
        var query = RedirectQuery.Parse(rawQuery, options.MaxQueryLength);

        // 3.4.4: one message, as SAMLRequest or SAMLResponse.
        var hasRequest = !string.IsNullOrEmpty(query[BindingRules.SamlRequest]);
        var hasResponse = !string.IsNullOrEmpty(query[BindingRules.SamlResponse]);
        if (hasRequest && hasResponse)
        {
            throw new SamlException(SamlErrorCode.BindingAmbiguousMessage);
        }

        if (!hasRequest && !hasResponse)
        {
            throw new SamlException(SamlErrorCode.BindingMessageMissing);
        }

        var kind = hasRequest ? SamlMessageKind.Request : SamlMessageKind.Response;
        var parameter = BindingRules.ParameterName(kind);
        var relayState = query.Decoded(BindingRules.RelayState);
        BindingRules.RequireRelayState(relayState);

        // 3.4.4.1: SigAlg and Signature come together or not at all.
        var sigAlg = query.Decoded(BindingRules.SigAlg);
        var signatureText = query.Decoded(BindingRules.Signature);
        if ((sigAlg is null) != (signatureText is null) || sigAlg?.Length == 0 || signatureText?.Length == 0)
        {
            throw new SamlException(SamlErrorCode.BindingSignatureIncomplete);
        }

        if (signatureText is null && options.RequireSignature)
        {
            throw new SamlException(SamlErrorCode.BindingSignatureMissing);
        }

        byte[]? signature = null;
        if (signatureText is not null)
        {
            RedirectSignature.Algorithm(sigAlg);
            try
            {
                signature = Convert.FromBase64String(signatureText);
            }
            catch (FormatException ex)
            {
                throw new SamlException(SamlErrorCode.BindingSignatureInvalid, "The Signature parameter is not base64.", ex);
            }
        }

        var deflated = SamlMessageEncoding.DecodeBase64(query.Decoded(parameter)!, options.MaxMessageBytes);
        var xml = SamlMessageEncoding.Inflate(deflated, options.MaxMessageBytes);
        var document = SecureXml.Load(xml, options.Xml with { MaxCharacters = Math.Min(options.Xml.MaxCharacters, options.MaxMessageBytes) });
        BindingRules.RequireKind(document.DocumentElement!, kind);
        return new RedirectMessage(document, kind, relayState, sigAlg, signature, signature is null ? null : query.SignedOctets(parameter));
    }
}
