using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Tests.Support;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Signatures;

/// <summary>
/// Our canonicalisation route (the element written as text, canonicalised by the framework transform)
/// must agree with stock SignedXml and with xmlsec1 on content that trips serialisers: character
/// references for CR and tab, CDATA, comments and processing instructions, a prefix declared only on an
/// ancestor and used inside an attribute value, default namespaces, and markup characters in values.
/// </summary>
public sealed class CanonicalizationEquivalenceTests
{
    internal const string Tricky = """
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="_r1" Version="2.0" IssueInstant="2026-11-30T10:00:00Z">
          <saml:Issuer>https://idp.test</saml:Issuer>
          <samlp:Extensions><ext xmlns="urn:example:ext" note="tab&#x9;and&#xA;newline &amp; &lt;markup&gt;"><!-- a comment --><?pi data?>cr&#xD;here</ext></samlp:Extensions>
          <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
          <saml:Assertion ID="_a1" Version="2.0" IssueInstant="2026-11-30T10:00:00Z">
            <saml:Issuer>https://idp.test</saml:Issuer>
            <saml:Subject><saml:NameID><![CDATA[pid & <123>]]></saml:NameID></saml:Subject>
            <saml:AttributeStatement>
              <saml:Attribute Name="a&quot;b"><saml:AttributeValue xsi:type="xs:string">  spaced  &#xD;&#xA; value </saml:AttributeValue></saml:Attribute>
            </saml:AttributeStatement>
          </saml:Assertion>
        </samlp:Response>
        """;

    [Test]
    public void OurSignatures_OnTrickyContent_AreAcceptedByXmlsec1()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SignatureRoundTripTests.SelfSigned(rsa);
        var document = SecureXml.Load(Tricky);
        using var credential = SigningCredential.FromCertificate(certificate);
        XmlSigner.Sign((XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!, credential);
        XmlSigner.Sign(document.DocumentElement!, credential);
        // Written as the bindings write messages: CR and tabs as character references.
        var text = System.Text.Encoding.UTF8.GetString(SamlMessageEncoding.Serialize(document.DocumentElement!));

        using var temp = new XmlSec1.TempDir();
        var cert = temp.Write("signer.crt", certificate.ExportCertificatePem());
        var file = temp.Write("signed.xml", text);
        foreach (var id in new[] { "_r1", "_a1" })
        {
            var (exit, output) = XmlSec1.Run(["--verify", "--pubkey-cert-pem", cert, "--enabled-key-data", "rsa,x509", .. XmlSec1.IdAttributes, "--node-id", id, file]);
            Assert.That(exit, Is.Zero, $"xmlsec1 on {id}: {output}");
        }
    }

    /// <remarks>
    /// Without CR, tab and newline character references: stock SignedXml re-serialises and re-parses the
    /// referenced element on its own route and does not get those back as they were signed, so it refuses
    /// valid signatures over them (xmlsec1, above, accepts ours). That is a SignedXml limitation, not a
    /// difference in canonical form.
    /// </remarks>
    [Test]
    public void OurSignatures_OnTrickyContent_AreAcceptedByStockSignedXml()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SignatureRoundTripTests.SelfSigned(rsa);
        var document = SecureXml.Load(Tricky.Replace("&#xD;", "", StringComparison.Ordinal).Replace("&#x9;", " ", StringComparison.Ordinal).Replace("&#xA;", " ", StringComparison.Ordinal));
        using var credential = SigningCredential.FromCertificate(certificate);
        XmlSigner.Sign((XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!, credential);
        XmlSigner.Sign(document.DocumentElement!, credential);

        var stock = new XmlDocument { PreserveWhitespace = true };
        stock.LoadXml(System.Text.Encoding.UTF8.GetString(SamlMessageEncoding.Serialize(document.DocumentElement!)));
        foreach (var id in new[] { "_r1", "_a1" })
        {
            var element = (XmlElement)stock.SelectSingleNode($"//*[@ID='{id}']")!;
            var signed = new SignedXml(element);
            signed.LoadXml((XmlElement)element.SelectSingleNode("*[local-name()='Signature']")!);
            Assert.That(signed.CheckSignature(rsa), Is.True, $"stock SignedXml on {id}");
        }
    }

    [Test]
    public void WeVerify_StockSignedXmlSignatures_OnTrickyContent()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SignatureRoundTripTests.SelfSigned(rsa);
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(Tricky);
        StockSign((XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!, rsa, "_a1");
        StockSign(document.DocumentElement!, rsa, "_r1");

        var received = SecureXml.Load(document.OuterXml);
        var keys = TrustedKeySet.For("https://idp.test", TrustedSigningKey.FromCertificate(certificate));
        var verified = SignedResponseVerifier.Verify(received, keys);

        Assert.That(verified.Assertions, Has.Count.EqualTo(1));
    }

    private static void StockSign(XmlElement element, RSA key, string id)
    {
        var signed = new SignedXml(element) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("#" + id) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform("xs"));
        signed.AddReference(reference);
        signed.ComputeSignature();
        var issuer = element.ChildNodes.OfType<XmlElement>().First();
        element.InsertAfter(element.OwnerDocument.ImportNode(signed.GetXml(), true), issuer);
    }
}
