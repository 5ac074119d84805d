using System.Xml;

using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.Saml.Tests.Encryption;

/// <summary>
/// The message every encryption test starts from, and the sample keys (<c>certs-sample/</c>). The
/// assertion inherits <c>saml</c>, <c>xs</c> and <c>xsi</c> from the Response, is indented, and has a
/// line break in an attribute value, so an encryptor that re-indents, drops inherited namespaces or
/// normalises attribute values breaks its signature.
/// </summary>
internal static class EncryptionSamples
{
    public const string IdpEntityId = "https://idp.test/saml";
    public const string AssertionId = "_enc-assertion-5c1e";
    public const string NameId = "pid-encrypted-8812";
    public const string HubKey = "hub-encryption";
    public const string RpKey = "test-rp-encryption";
    public const string MatchingServiceKey = "matching-service-encryption";

    public const string ResponseXml = """
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="_enc-response-77a0" Version="2.0" IssueInstant="2026-11-30T10:00:00Z">
          <saml:Issuer>https://idp.test/saml</saml:Issuer>
          <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
          <saml:Assertion ID="_enc-assertion-5c1e" Version="2.0" IssueInstant="2026-11-30T10:00:00Z">
            <saml:Issuer>https://idp.test/saml</saml:Issuer>
            <saml:Subject>
              <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">pid-encrypted-8812</saml:NameID>
            </saml:Subject>
            <saml:AttributeStatement>
              <saml:Attribute Name="MDS_firstname" FriendlyName="first&#10;name">
                <saml:AttributeValue xsi:type="xs:string">Alice</saml:AttributeValue>
              </saml:Attribute>
            </saml:AttributeStatement>
          </saml:Assertion>
        </samlp:Response>
        """;

    /// <summary>The Response with its assertion signed by the stub IDP (the hub profile's first step).</summary>
    public static XmlDocument SignedResponse()
    {
        var document = SecureXml.Load(ResponseXml);
        using var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing"));
        XmlSigner.Sign(Assertion(document), credential);
        return document;
    }

    /// <summary>The Response with an unsigned assertion.</summary>
    public static XmlDocument UnsignedResponse() => SecureXml.Load(ResponseXml);

    /// <summary>The keys the hub trusts for the stub IDP.</summary>
    public static TrustedKeySet IdpKeys() =>
        TrustedKeySet.For(IdpEntityId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("stub-idp-signing")));

    /// <summary>A recipient from a sample certificate (public key only).</summary>
    public static EncryptionRecipient Recipient(string stem = HubKey) => EncryptionRecipient.FromCertificate(SampleCerts.Certificate(stem));

    /// <summary>Sample private keys, with their certificates, in the order given.</summary>
    public static DecryptionKey[] Keys(params string[] stems) =>
        [.. stems.Select(stem => DecryptionKey.FromPrivateKey(SampleCerts.RsaKey(stem), SampleCerts.Certificate(stem)))];

    /// <summary>The signed Response with its assertion encrypted for <paramref name="stem"/>, reparsed as a recipient receives it.</summary>
    public static XmlDocument EncryptedResponse(string stem = HubKey, DataEncryptionAlgorithm algorithm = DataEncryptionAlgorithm.Aes256Gcm, bool signed = true)
    {
        var document = signed ? SignedResponse() : UnsignedResponse();
        using var recipient = Recipient(stem);
        XmlEncryptor.EncryptAssertion(Assertion(document), recipient, algorithm);
        return SecureXml.Load(document.OuterXml);
    }

    public static XmlElement Assertion(XmlDocument document) =>
        (XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!;

    public static XmlElement EncryptedAssertion(XmlDocument document) =>
        (XmlElement)document.GetElementsByTagName("EncryptedAssertion", XmlNames.Saml)[0]!;

    public static XmlElement EncryptedData(XmlDocument document) =>
        (XmlElement)document.GetElementsByTagName("EncryptedData", XmlNames.XmlEnc)[0]!;

    public static XmlElement EncryptedKey(XmlDocument document) =>
        (XmlElement)document.GetElementsByTagName("EncryptedKey", XmlNames.XmlEnc)[0]!;

    /// <summary>The CipherValue of the EncryptedData itself (not of its EncryptedKey).</summary>
    public static XmlElement DataCipherValue(XmlDocument document) =>
        (XmlElement)EncryptedData(document).SelectSingleNode("*[local-name()='CipherData']/*[local-name()='CipherValue']")!;

    /// <summary>The CipherValue of the (first) EncryptedKey.</summary>
    public static XmlElement KeyCipherValue(XmlDocument document) =>
        (XmlElement)EncryptedKey(document).SelectSingleNode("*[local-name()='CipherData']/*[local-name()='CipherValue']")!;

    /// <summary>Flips one bit of a CipherValue's octets at <paramref name="index"/> (negative counts from the end).</summary>
    public static void FlipBit(XmlElement cipherValue, int index)
    {
        var bytes = Convert.FromBase64String(cipherValue.InnerText);
        bytes[index < 0 ? bytes.Length + index : index] ^= 0x01;
        cipherValue.InnerText = Convert.ToBase64String(bytes);
    }

    /// <summary>Creates an element in the xenc namespace.</summary>
    public static XmlElement Xenc(XmlDocument document, string name) => document.CreateElement("xenc", name, XmlNames.XmlEnc);

    /// <summary>Creates an element in the ds namespace.</summary>
    public static XmlElement Ds(XmlDocument document, string name) => document.CreateElement("ds", name, XmlNames.DSig);
}
