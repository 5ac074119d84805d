using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml;

/// <summary>
/// Signs an element with an enveloped signature in the shape our verifier (and every SAML peer)
/// expects: exclusive canonicalization, one Reference to the element's ID, the transforms
/// enveloped-signature and exclusive canonicalization, KeyInfo with the certificate.
/// </summary>
public static class XmlSigner
{
    private const string InclusiveNamespacesNs = "http://www.w3.org/2001/10/xml-exc-c14n#";

    /// <summary>
    /// Signs <paramref name="element"/> in place. The signature goes where the SAML schemas put it:
    /// right after a leading saml:Issuer, otherwise as the first child.
    /// </summary>
    /// <returns>The inserted ds:Signature element.</returns>
    public static XmlElement Sign(XmlElement element, SigningCredential credential)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(credential);

        var id = XmlIds.IdOf(element) ?? throw new SamlException(SamlErrorCode.IdMissing);
        if (XmlSignatureVerifier.HasEnvelopedSignature(element))
        {
            throw new SamlException(SamlErrorCode.SignatureMultiple);
        }

        // Prefixes used inside xsi:type values are invisible to exclusive canonicalization; list them so
        // that the namespace they stand for is covered by the signature (as OpenSAML does).
        var prefixes = QNamePrefixes(element);
        var digest = ExclusiveCanonicalizer.Digest(element, null, prefixes, credential.Hash);

        var document = element.OwnerDocument;
        var signature = Ds(document, "Signature");
        var signedInfo = Append(signature, "SignedInfo");
        Append(signedInfo, "CanonicalizationMethod").SetAttribute("Algorithm", XmlNames.ExcC14N);
        Append(signedInfo, "SignatureMethod").SetAttribute("Algorithm", credential.SignatureMethod);
        var reference = Append(signedInfo, "Reference");
        reference.SetAttribute("URI", "#" + id);
        var transforms = Append(reference, "Transforms");
        Append(transforms, "Transform").SetAttribute("Algorithm", XmlNames.EnvelopedSignature);
        var c14n = Append(transforms, "Transform");
        c14n.SetAttribute("Algorithm", XmlNames.ExcC14N);
        if (prefixes is not null)
        {
            var inclusive = document.CreateElement("ec", "InclusiveNamespaces", InclusiveNamespacesNs);
            inclusive.SetAttribute("PrefixList", prefixes);
            c14n.AppendChild(inclusive);
        }

        Append(reference, "DigestMethod").SetAttribute("Algorithm", credential.DigestMethod);
        Append(reference, "DigestValue").InnerText = Convert.ToBase64String(digest);
        var signatureValue = Append(signature, "SignatureValue");
        if (credential.Certificate is { } certificate)
        {
            var x509Data = Append(Append(signature, "KeyInfo"), "X509Data");
            Append(x509Data, "X509Certificate").InnerText = Convert.ToBase64String(certificate.RawData);
        }

        // Schema position: right after the first child element when it is saml:Issuer, else before the
        // first child element (metadata: ds:Signature comes first). Whitespace before it does not count.
        var firstElement = element.ChildNodes.OfType<XmlElement>().FirstOrDefault();
        if (firstElement is { LocalName: "Issuer", NamespaceURI: XmlNames.Saml })
        {
            element.InsertAfter(signature, firstElement);
        }
        else if (firstElement is not null)
        {
            element.InsertBefore(signature, firstElement);
        }
        else
        {
            element.AppendChild(signature);
        }

        var canonicalSignedInfo = ExclusiveCanonicalizer.Canonicalize(signedInfo, null);
        signatureValue.InnerText = Convert.ToBase64String(credential.Sign(canonicalSignedInfo));
        return signature;
    }

    private static string? QNamePrefixes(XmlElement element)
    {
        SortedSet<string>? prefixes = null;
        Collect(element, ref prefixes);
        return prefixes is null ? null : string.Join(' ', prefixes);

        static void Collect(XmlElement current, ref SortedSet<string>? prefixes)
        {
            var type = current.GetAttributeNode("type", XmlNames.Xsi)?.Value;
            var colon = type?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (colon > 0)
            {
                (prefixes ??= new SortedSet<string>(StringComparer.Ordinal)).Add(type![..colon]);
            }

            for (var child = current.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is XmlElement childElement)
                {
                    Collect(childElement, ref prefixes);
                }
            }
        }
    }

    private static XmlElement Ds(XmlDocument document, string name) => document.CreateElement("ds", name, XmlNames.DSig);

    private static XmlElement Append(XmlElement parent, string name) =>
        (XmlElement)parent.AppendChild(Ds(parent.OwnerDocument, name))!;
}
