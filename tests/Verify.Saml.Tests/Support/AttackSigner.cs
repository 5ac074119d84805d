using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// Forges signatures our own signer refuses to make (SHA-1, HMAC, weak keys, extra references…): take a
/// valid signature made by <see cref="XmlSigner"/>, change its SignedInfo, recompute the digest with the
/// digest method it now declares, and sign SignedInfo again (exclusive c14n) with any key. The result is
/// a cryptographically genuine signature of the attacker's chosen shape, so a refusal can only come from
/// the profile check under test. Canonicalization here is the framework's, independent of the library's.
/// </summary>
internal static class AttackSigner
{
    private const string InclusiveNamespacesNs = "http://www.w3.org/2001/10/xml-exc-c14n#";

    public static XmlElement SignedInfo(XmlElement signature) => Child(signature, "SignedInfo");

    public static XmlElement Reference(XmlElement signature) => Child(SignedInfo(signature), "Reference");

    public static XmlElement Transforms(XmlElement signature) => Child(Reference(signature), "Transforms");

    public static XmlElement SignatureMethod(XmlElement signature) => Child(SignedInfo(signature), "SignatureMethod");

    public static XmlElement DigestMethod(XmlElement signature) => Child(Reference(signature), "DigestMethod");

    /// <summary>RSA PKCS#1 v1.5 over the canonical SignedInfo with the given key and hash.</summary>
    public static Func<byte[], byte[]> Rsa(X509Certificate2 certificate, HashAlgorithmName hash) =>
        data =>
        {
            using var rsa = certificate.GetRSAPrivateKey()!;
            return rsa.SignData(data, hash, RSASignaturePadding.Pkcs1);
        };

    /// <summary>ECDSA (IEEE P1363 r||s, as XML-DSig wants) over the canonical SignedInfo.</summary>
    public static Func<byte[], byte[]> Ecdsa(X509Certificate2 certificate) =>
        data =>
        {
            using var ecdsa = certificate.GetECDsaPrivateKey()!;
            return ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        };

    /// <summary>HMAC-SHA1 keyed with <paramref name="key"/> (e.g. the IDP's public key: key confusion).</summary>
#pragma warning disable CA5350 // SHA-1 is the attack: these forge what the verifier must refuse.
    public static Func<byte[], byte[]> HmacSha1(byte[] key) => data => HMACSHA1.HashData(key, data);
#pragma warning restore CA5350

    /// <summary>
    /// Signs <paramref name="element"/> with the IDP key, lets <paramref name="mutate"/> change the
    /// signature, then recomputes the digest and signs SignedInfo again with <paramref name="sign"/>
    /// (the IDP key with RSA-SHA256 by default).
    /// </summary>
    public static XmlElement Forge(XmlElement element, Action<XmlElement> mutate, Func<byte[], byte[]>? sign = null, X509Certificate2? keyInfo = null)
    {
        var signature = AttackMessages.Sign(element, keyInfo ?? AttackKeys.Idp);
        mutate(signature);
        Redigest(element, signature);
        Resign(signature, sign ?? Rsa(AttackKeys.Idp, HashAlgorithmName.SHA256));
        return signature;
    }

    /// <summary>Sets DigestValue to the digest (by the declared method) of the element without its signature.</summary>
    public static void Redigest(XmlElement element, XmlElement signature)
    {
        if (SignedInfo(signature).GetElementsByTagName("Reference", XmlNames.DSig) is not { Count: > 0 } references)
        {
            return;
        }

        var reference = (XmlElement)references[0]!;
        var prefixes = InclusivePrefixes(reference);
#pragma warning disable CA5350 // SHA-1 is the attack: these forge what the verifier must refuse.
        using HashAlgorithm hash = reference.GetElementsByTagName("DigestMethod", XmlNames.DSig).Cast<XmlElement>().FirstOrDefault()?.GetAttribute("Algorithm") switch
        {
            XmlNames.Sha1 => SHA1.Create(),
            XmlNames.Sha384 => SHA384.Create(),
            XmlNames.Sha512 => SHA512.Create(),
            _ => SHA256.Create(),
        };
#pragma warning restore CA5350
        var digest = Canonical(element, signature, prefixes).GetDigestedOutput(hash);
        Child(reference, "DigestValue").InnerText = Convert.ToBase64String(digest);
    }

    /// <summary>Signs the exclusive canonical form of SignedInfo and stores it as SignatureValue.</summary>
    public static void Resign(XmlElement signature, Func<byte[], byte[]> sign)
    {
        using var stream = (MemoryStream)Canonical(SignedInfo(signature), null, null).GetOutput(typeof(Stream));
        Child(signature, "SignatureValue").InnerText = Convert.ToBase64String(sign(stream.ToArray()));
    }

    private static XmlDsigExcC14NTransform Canonical(XmlElement element, XmlElement? excluded, string? prefixes)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var copy = (XmlElement)document.ImportNode(element, deep: false);
        foreach (XmlNode child in element.ChildNodes)
        {
            if (!ReferenceEquals(child, excluded))
            {
                copy.AppendChild(document.ImportNode(child, deep: true));
            }
        }

        document.AppendChild(copy);
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (var declaration in ancestor.Attributes.Cast<XmlAttribute>().Where(a => a.Prefix == "xmlns" || a.Name == "xmlns"))
            {
                if (!copy.HasAttribute(declaration.Name))
                {
                    copy.SetAttributeNode((XmlAttribute)document.ImportNode(declaration, deep: true));
                }
            }
        }

        var transform = new XmlDsigExcC14NTransform(includeComments: false, prefixes);
        transform.LoadInput(document);
        return transform;
    }

    private static string? InclusivePrefixes(XmlElement reference) =>
        reference.GetElementsByTagName("InclusiveNamespaces", InclusiveNamespacesNs) is { Count: > 0 } list
            ? ((XmlElement)list[0]!).GetAttribute("PrefixList")
            : null;

    private static XmlElement Child(XmlElement parent, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().First(e => e.LocalName == localName && e.NamespaceURI == XmlNames.DSig);
}
