using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml;

/// <summary>
/// A ds:Signature read against our profile (SAML Core 5.4 narrowed): one SignedInfo with exclusive
/// canonicalization, an allowed signature method, exactly one Reference to a same-document ID, the
/// transforms enveloped-signature then exclusive canonicalization and nothing else, an allowed digest
/// method, and no ds:Object. Anything else is refused with its own code before any cryptography runs.
/// </summary>
internal sealed class XmlSignature
{
    private const string InclusiveNamespacesNs = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private XmlSignature(XmlElement element, XmlElement signedInfo)
    {
        Element = element;
        SignedInfo = signedInfo;
    }

    public XmlElement Element { get; }

    public XmlElement SignedInfo { get; }

    public string SignatureMethod { get; private set; } = "";

    public string? SignedInfoPrefixes { get; private set; }

    public string ReferenceId { get; private set; } = "";

    public string? ReferencePrefixes { get; private set; }

    public string DigestMethod { get; private set; } = "";

    public byte[] DigestValue { get; private set; } = [];

    public byte[] SignatureValue { get; private set; } = [];

    /// <summary>The base64 X509Certificate in KeyInfo, if any. Used only to explain a failure, never to trust.</summary>
    public string? KeyInfoCertificate { get; private set; }

    /// <summary>Reads and checks the structure of a ds:Signature element.</summary>
    /// <exception cref="SamlException">The signature does not follow the profile.</exception>
    public static XmlSignature Read(XmlElement signature)
    {
        var children = ElementChildren(signature);
        if (children.Count is < 2 or > 3
            || !Is(children[0], "SignedInfo")
            || !Is(children[1], "SignatureValue")
            || (children.Count == 3 && !Is(children[2], "KeyInfo")))
        {
            if (children.Exists(c => Is(c, "Object")))
            {
                throw new SamlException(SamlErrorCode.SignatureObjectNotAllowed);
            }

            throw new SamlException(SamlErrorCode.SignatureMalformed, "Expected SignedInfo, SignatureValue and an optional KeyInfo.");
        }

        var result = new XmlSignature(signature, children[0]);
        result.ReadSignedInfo(children[0]);
        result.SignatureValue = Base64(children[1]);
        if (children.Count == 3)
        {
            // Child walks rather than GetElementsByTagName, which keeps the document alive (see SignedResponseVerifier).
            result.KeyInfoCertificate = children[2].ChildNodes.OfType<XmlElement>()
                .Where(e => Is(e, "X509Data"))
                .SelectMany(d => d.ChildNodes.OfType<XmlElement>())
                .FirstOrDefault(e => Is(e, "X509Certificate"))?.InnerText;
        }

        return result;
    }

    private void ReadSignedInfo(XmlElement signedInfo)
    {
        var children = ElementChildren(signedInfo);
        if (children.Count < 3 || !Is(children[0], "CanonicalizationMethod") || !Is(children[1], "SignatureMethod"))
        {
            throw new SamlException(SamlErrorCode.SignatureMalformed, "SignedInfo must hold CanonicalizationMethod, SignatureMethod and a Reference.");
        }

        // SAML Core 5.4.3: exclusive canonicalization. We take only the variant without comments, so a
        // comment can never change what was signed.
        var c14n = children[0].GetAttribute("Algorithm");
        if (c14n != XmlNames.ExcC14N)
        {
            throw new SamlException(SamlErrorCode.CanonicalizationNotAllowed);
        }

        SignedInfoPrefixes = InclusivePrefixes(children[0], SamlErrorCode.CanonicalizationNotAllowed);

        SignatureMethod = children[1].GetAttribute("Algorithm");
        _ = SignatureAlgorithms.SignatureMethod(SignatureMethod);
        if (ElementChildren(children[1]).Count != 0)
        {
            // HMACOutputLength and friends: truncation attacks on HMAC; HMAC is refused anyway.
            throw new SamlException(SamlErrorCode.SignatureAlgorithmNotAllowed);
        }

        // SAML Core 5.4.2: exactly one Reference.
        if (children.Count != 3 || !Is(children[2], "Reference"))
        {
            throw new SamlException(SamlErrorCode.SignatureReferenceCount);
        }

        ReadReference(children[2]);
    }

    private void ReadReference(XmlElement reference)
    {
        // SAML Core 5.4.2: the URI is a same-document reference to the ID of the signed element.
        var uri = reference.GetAttributeNode("URI")?.Value;
        if (uri is null || uri.Length < 2 || uri[0] != '#' || uri.Contains('(', StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.SignatureReferenceUriNotAllowed);
        }

        ReferenceId = uri[1..];
        var children = ElementChildren(reference);
        if (children.Count != 3 || !Is(children[0], "Transforms") || !Is(children[1], "DigestMethod") || !Is(children[2], "DigestValue"))
        {
            throw new SamlException(SamlErrorCode.SignatureTransformNotAllowed, "Expected Transforms, DigestMethod and DigestValue.");
        }

        ReadTransforms(children[0]);
        DigestMethod = children[1].GetAttribute("Algorithm");
        _ = SignatureAlgorithms.DigestMethod(DigestMethod);
        DigestValue = Base64(children[2]);
    }

    private void ReadTransforms(XmlElement transforms)
    {
        // SAML Core 5.4.4: enveloped-signature, then exclusive canonicalization. Nothing else: XSLT, XPath
        // and base64 transforms let a signature cover something other than what we read.
        var children = ElementChildren(transforms);
        if (children.Count != 2
            || !children.TrueForAll(c => Is(c, "Transform"))
            || children[0].GetAttribute("Algorithm") != XmlNames.EnvelopedSignature
            || ElementChildren(children[0]).Count != 0
            || children[1].GetAttribute("Algorithm") != XmlNames.ExcC14N)
        {
            throw new SamlException(SamlErrorCode.SignatureTransformNotAllowed);
        }

        ReferencePrefixes = InclusivePrefixes(children[1], SamlErrorCode.SignatureTransformNotAllowed);
    }

    private static string? InclusivePrefixes(XmlElement method, SamlErrorCode refusal)
    {
        var children = ElementChildren(method);
        if (children.Count == 0)
        {
            return null;
        }

        if (children.Count != 1 || children[0].LocalName != "InclusiveNamespaces" || children[0].NamespaceURI != InclusiveNamespacesNs)
        {
            throw new SamlException(refusal, "Only ec:InclusiveNamespaces may parameterise exclusive canonicalization.");
        }

        return children[0].GetAttribute("PrefixList");
    }

    private static byte[] Base64(XmlElement element)
    {
        foreach (XmlNode child in element.ChildNodes)
        {
            if (child.NodeType is not (XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
            {
                throw new SamlException(SamlErrorCode.SignatureMalformed);
            }
        }

        try
        {
            return Convert.FromBase64String(element.InnerText);
        }
        catch (FormatException ex)
        {
            throw new SamlException(SamlErrorCode.SignatureMalformed, "A base64 value does not decode.", ex);
        }
    }

    private static bool Is(XmlElement element, string localName) =>
        element.LocalName == localName && element.NamespaceURI == XmlNames.DSig;

    /// <summary>Element children; text other than whitespace is refused.</summary>
    internal static List<XmlElement> ElementChildren(XmlElement parent)
    {
        var result = new List<XmlElement>(4);
        foreach (XmlNode child in parent.ChildNodes)
        {
            switch (child.NodeType)
            {
                case XmlNodeType.Element:
                    result.Add((XmlElement)child);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Comment:
                    break;
                case XmlNodeType.Text when string.IsNullOrWhiteSpace(child.Value):
                    break;
                default:
                    throw new SamlException(SamlErrorCode.SignatureMalformed, "Unexpected content in a signature element.");
            }
        }

        return result;
    }
}
