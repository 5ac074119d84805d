using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

using Verify.Saml.Xml;

namespace Verify.Benchmarks;

/// <summary>
/// The baseline: what a .NET SAML stack does with stock <see cref="SignedXml"/> (no profile checks, no
/// ID-uniqueness scan: only what SignedXml itself does). Used by the benchmarks and the quick mode.
/// </summary>
public static class StockSignedXml
{
    /// <summary>A plain XmlDocument with PreserveWhitespace, no resolver, as a SignedXml user would load one.</summary>
    public static XmlDocument Parse(byte[] xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var stream = new MemoryStream(xml, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        document.Load(reader);
        return document;
    }

    /// <summary><c>LoadXml</c> + <c>CheckSignature(key)</c> for the ds:Signature that is a direct child of <paramref name="element"/>.</summary>
    public static bool Check(XmlElement element, RSA key)
    {
        var signedXml = new SignedXml(element);
        signedXml.LoadXml(SignatureChild(element));
        return signedXml.CheckSignature(key);
    }

    /// <summary>The Response signature only.</summary>
    public static bool CheckResponse(XmlDocument document, RSA key) => Check(document.DocumentElement!, key);

    /// <summary>The Response signature and the signature of each assertion (SignedXml resolves the assertion's <c>ID</c> by itself).</summary>
    public static bool CheckAllThree(XmlDocument document, RSA key)
    {
        var root = document.DocumentElement!;
        var ok = Check(root, key);
        foreach (XmlNode child in root.ChildNodes)
        {
            if (child is XmlElement { LocalName: "Assertion", NamespaceURI: XmlNames.Saml } assertion)
            {
                ok &= Check(assertion, key);
            }
        }

        return ok;
    }

    /// <summary>Signs both assertions, then the Response, with exc-c14n + enveloped-signature, RSA-SHA256, SHA-256 digests and, when given, the certificate in KeyInfo: the same shape <see cref="XmlSigner"/> writes.</summary>
    public static XmlDocument SignResponse(XmlDocument document, RSA key, X509Certificate2? certificate)
    {
        var root = document.DocumentElement!;
        foreach (var assertion in SignatureFixture.Assertions(root))
        {
            Sign(assertion, key, certificate);
        }

        Sign(root, key, certificate);
        return document;
    }

    /// <summary>One enveloped signature on <paramref name="element"/>, placed after its saml:Issuer.</summary>
    public static void Sign(XmlElement element, RSA key, X509Certificate2? certificate)
    {
        var document = element.OwnerDocument;
        var signedXml = new SignedXml(document) { SigningKey = key };
        signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signedXml.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("#" + element.GetAttribute("ID")) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform(BenchmarkMessage.QNamePrefixes));
        signedXml.AddReference(reference);
        if (certificate is not null)
        {
            var keyInfo = new KeyInfo();
            keyInfo.AddClause(new KeyInfoX509Data(certificate));
            signedXml.KeyInfo = keyInfo;
        }
        signedXml.ComputeSignature();

        var signature = document.ImportNode(signedXml.GetXml(), deep: true);
        var issuer = element.FirstChild is XmlElement { LocalName: "Issuer", NamespaceURI: XmlNames.Saml } first ? first : null;
        element.InsertAfter(signature, issuer);
    }

    private static XmlElement SignatureChild(XmlElement element)
    {
        foreach (XmlNode child in element.ChildNodes)
        {
            if (child is XmlElement { LocalName: "Signature", NamespaceURI: SignedXml.XmlDsigNamespaceUrl } signature)
            {
                return signature;
            }
        }

        throw new InvalidOperationException("No enveloped signature.");
    }
}
