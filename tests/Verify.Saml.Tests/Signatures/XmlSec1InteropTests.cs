using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Tests.Support;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Signatures;

/// <summary>xmlsec1, an independent implementation, checks our signatures and we check its.</summary>
public sealed class XmlSec1InteropTests
{
    private const string Response = """
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="_r1" Version="2.0" IssueInstant="2026-11-30T10:00:00Z">
          <saml:Issuer>https://idp.test</saml:Issuer>
          <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
          <saml:Assertion ID="_a1" Version="2.0" IssueInstant="2026-11-30T10:00:00Z">
            <saml:Issuer>https://idp.test</saml:Issuer>
            <saml:Subject><saml:NameID>pid-123</saml:NameID></saml:Subject>
            <saml:AttributeStatement>
              <saml:Attribute Name="a"><saml:AttributeValue xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">v</saml:AttributeValue></saml:Attribute>
            </saml:AttributeStatement>
          </saml:Assertion>
        </samlp:Response>
        """;

    [TestCase("rsa", "_r1")]
    [TestCase("rsa", "_a1")]
    [TestCase("ecdsa", "_r1")]
    [TestCase("ecdsa", "_a1")]
    public void Xmlsec1_VerifiesWhatWeSign(string keyKind, string signedId)
    {
        using var certificate = SignatureRoundTripTests.SelfSigned(keyKind == "rsa" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var document = SecureXml.Load(Response);
        using var credential = SigningCredential.FromCertificate(certificate);
        XmlSigner.Sign((XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!, credential);
        XmlSigner.Sign(document.DocumentElement!, credential);
        using var temp = new XmlSec1.TempDir();
        var cert = temp.Write("signer.crt", certificate.ExportCertificatePem());
        var file = temp.Write("signed.xml", document.OuterXml);

        var (exit, output) = XmlSec1.Run([
            "--verify", "--pubkey-cert-pem", cert, "--enabled-key-data", "rsa,ecdsa,x509",
            .. XmlSec1.IdAttributes, "--node-id", signedId, file]);

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("OK"));
    }

    [TestCase("rsa-sha256", "sha256")]
    [TestCase("rsa-sha512", "sha512")]
    public void WeVerify_WhatXmlsec1Signs(string signatureMethod, string digestMethod)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SignatureRoundTripTests.SelfSigned(rsa);
        var template = Response.Replace(
            "<saml:Issuer>https://idp.test</saml:Issuer>\n  <samlp:Status>",
            $"""
            <saml:Issuer>https://idp.test</saml:Issuer><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#{signatureMethod}"/><ds:Reference URI="#_r1"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#{digestMethod}"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/></ds:Signature>
              <samlp:Status>
            """,
            StringComparison.Ordinal);
        Assert.That(template, Does.Contain("ds:Signature"), "template was not built");
        using var temp = new XmlSec1.TempDir();
        var key = temp.Write("signer.key", rsa.ExportPkcs8PrivateKeyPem());
        var input = temp.Write("template.xml", template);
        var output = Path.Combine(temp.Path, "signed.xml");

        var (exit, log) = XmlSec1.Run(["--sign", "--privkey-pem", key, .. XmlSec1.IdAttributes, "--output", output, input]);
        Assert.That(exit, Is.Zero, log);

        var signed = SecureXml.Load(File.ReadAllText(output));
        var verified = XmlSignatureVerifier.Verify(signed.DocumentElement!, TrustedKeySet.For("https://idp.test", TrustedSigningKey.FromCertificate(certificate)));
        Assert.That(verified.Element, Is.SameAs(signed.DocumentElement));
    }
}
