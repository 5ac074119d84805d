using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Signatures;

public sealed class SignatureRoundTripTests
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

    private static readonly object[] Keys =
    [
        new object[] { "rsa2048-sha256", (Func<X509Certificate2>)(() => SelfSigned(RSA.Create(2048))), HashAlgorithmName.SHA256 },
        new object[] { "rsa3072-sha384", (Func<X509Certificate2>)(() => SelfSigned(RSA.Create(3072))), HashAlgorithmName.SHA384 },
        new object[] { "rsa2048-sha512", (Func<X509Certificate2>)(() => SelfSigned(RSA.Create(2048))), HashAlgorithmName.SHA512 },
        new object[] { "ecdsa-p256", (Func<X509Certificate2>)(() => SelfSigned(ECDsa.Create(ECCurve.NamedCurves.nistP256))), HashAlgorithmName.SHA256 },
    ];

    private static readonly object[] RsaKeys = Keys[..3];

    [TestCaseSource(nameof(Keys))]
    public void SignThenVerify_ReturnsTheSignedElement_ForEveryAllowedAlgorithm(string name, Func<X509Certificate2> make, HashAlgorithmName hash)
    {
        using var certificate = make();
        var document = SecureXml.Load(Response);
        var assertion = (XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!;
        using var credential = SigningCredential.FromCertificate(certificate, hash);
        XmlSigner.Sign(assertion, credential);
        XmlSigner.Sign(document.DocumentElement!, credential);

        var reparsed = SecureXml.Load(document.OuterXml);
        var keys = TrustedKeySet.For("https://idp.test", TrustedSigningKey.FromCertificate(certificate));
        var verifiedResponse = XmlSignatureVerifier.Verify(reparsed.DocumentElement!, keys);
        var reparsedAssertion = (XmlElement)reparsed.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!;
        var verifiedAssertion = XmlSignatureVerifier.Verify(reparsedAssertion, keys);

        Assert.Multiple(() =>
        {
            Assert.That(verifiedResponse.Element, Is.SameAs(reparsed.DocumentElement), name);
            Assert.That(verifiedAssertion.Element, Is.SameAs(reparsedAssertion), name);
            Assert.That(verifiedAssertion.SignatureMethod, Is.EqualTo(credential.SignatureMethod));
        });
    }

    // Stock SignedXml has no ECDSA; xmlsec1 checks that one (XmlSec1InteropTests).
    [TestCaseSource(nameof(RsaKeys))]
    public void OurSignature_IsAcceptedByStockSignedXml(string name, Func<X509Certificate2> make, HashAlgorithmName hash)
    {
        using var certificate = make();
        var document = SecureXml.Load(Response);
        var assertion = (XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!;
        using var credential = SigningCredential.FromCertificate(certificate, hash);
        XmlSigner.Sign(assertion, credential);
        XmlSigner.Sign(document.DocumentElement!, credential);

        var reparsed = new XmlDocument { PreserveWhitespace = true };
        reparsed.LoadXml(document.OuterXml);
        foreach (var id in new[] { "_r1", "_a1" })
        {
            var element = (XmlElement)reparsed.SelectSingleNode($"//*[@ID='{id}']")!;
            var signed = new SignedXml(element);
            signed.LoadXml((XmlElement)element.SelectSingleNode("*[local-name()='Signature']")!);
            AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey()!;
            Assert.That(signed.CheckSignature(key), Is.True, $"{name} {id}");
        }
    }

    internal static X509Certificate2 SelfSigned(AsymmetricAlgorithm key)
    {
        var subject = new X500DistinguishedName("CN=test signer");
        var request = key is RSA rsa
            ? new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
