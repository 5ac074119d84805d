using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Metadata;

/// <summary>
/// Break one thing: start from valid federation metadata, apply one mutation, expect one specific code
/// (SAML Metadata 2.2–2.4 and our limits).
/// </summary>
public sealed class MetadataReaderRefusalTests
{
    private const string Md = XmlNames.Metadata;

    private static IEnumerable<TestCaseData> Mutations()
    {
        yield return Case("EntityIdMissing", d => First(d, "EntityDescriptor").RemoveAttribute("entityID"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("EntityIdNotAUri", d => First(d, "EntityDescriptor").SetAttribute("entityID", "not a uri"), SamlErrorCode.MessageInvalidValue);
        yield return Case("EntityIdTooLong", d => First(d, "EntityDescriptor").SetAttribute("entityID", "https://hub.test/" + new string('a', 1024)), SamlErrorCode.MessageInvalidValue);
        yield return Case("EntityIdTwice", d => d.DocumentElement!.AppendChild(First(d, "EntityDescriptor").CloneNode(deep: true)), SamlErrorCode.MetadataDuplicateEntityId);
        yield return Case("LocationHttp", d => First(d, "AssertionConsumerService").SetAttribute("Location", "http://rp.test/acs"), SamlErrorCode.MetadataInvalidUrl);
        yield return Case("LocationJavascript", d => First(d, "SingleSignOnService").SetAttribute("Location", "javascript:alert(1)"), SamlErrorCode.MetadataInvalidUrl);
        yield return Case("LocationRelative", d => First(d, "AttributeService").SetAttribute("Location", "/matching"), SamlErrorCode.MetadataInvalidUrl);
        yield return Case("LocationWithUserInfo", d => First(d, "SingleSignOnService").SetAttribute("Location", "https://user:pw@idp.test/sso"), SamlErrorCode.MetadataInvalidUrl);
        yield return Case("BindingMissing", d => First(d, "SingleSignOnService").RemoveAttribute("Binding"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("AcsIndexMissing", d => First(d, "AssertionConsumerService").RemoveAttribute("index"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("AcsIndexNotUnsignedShort", d => First(d, "AssertionConsumerService").SetAttribute("index", "70000"), SamlErrorCode.MessageInvalidValue);
        yield return Case("AcsIndexDuplicate", d => All(d, "AssertionConsumerService")[2].SetAttribute("index", "0"), SamlErrorCode.MessageInvalidValue);
        yield return Case("AcsMissing", d => RemoveAll(d, "AssertionConsumerService"), SamlErrorCode.MessageMissingElement);
        yield return Case("SsoWithResponseLocation", d => First(d, "SingleSignOnService").SetAttribute("ResponseLocation", "https://idp.test/r"), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ProtocolsWithoutSaml2", d => First(d, "IDPSSODescriptor").SetAttribute("protocolSupportEnumeration", "urn:oasis:names:tc:SAML:1.1:protocol"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ProtocolsMissing", d => First(d, "IDPSSODescriptor").RemoveAttribute("protocolSupportEnumeration"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("KeyUseUnknown", d => First(d, "KeyDescriptor").SetAttribute("use", "both"), SamlErrorCode.MessageInvalidValue);
        yield return Case("KeyWithoutCertificate", d => RemoveAll(d, "X509Certificate", XmlNames.DSig, firstOnly: true), SamlErrorCode.MessageMissingElement);
        yield return Case("CertificateNotBase64", d => First(d, "X509Certificate", XmlNames.DSig).InnerText = "%%%", SamlErrorCode.MessageInvalidValue);
        yield return Case("CertificateNotDer", d => First(d, "X509Certificate", XmlNames.DSig).InnerText = "AAAA", SamlErrorCode.MessageInvalidValue);
        yield return Case("TooManyCertificatesInOneKey", d => RepeatCertificate(d, 5), SamlErrorCode.MessageTooManyElements);
        yield return Case("RetrievalMethodInKeyInfo", d => First(d, "KeyInfo", XmlNames.DSig).AppendChild(Element(d, XmlNames.DSig, "RetrievalMethod")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("UnsupportedRole", d => First(d, "EntityDescriptor").PrependChild(Element(d, Md, "PDPDescriptor")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("AdditionalMetadataLocation", d => First(d, "EntityDescriptor").AppendChild(Element(d, Md, "AdditionalMetadataLocation")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ExtensionInSamlNamespace", d => Extensions(d).AppendChild(Element(d, XmlNames.Saml, "Attribute")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("ExtensionsEmpty", d => Extensions(d).RemoveAll(), SamlErrorCode.MessageMissingElement);
        yield return Case("ValidUntilWithOffset", d => d.DocumentElement!.SetAttribute("validUntil", "2030-01-01T00:00:00+01:00"), SamlErrorCode.MessageInvalidValue);
        yield return Case("CacheDurationNotADuration", d => d.DocumentElement!.SetAttribute("cacheDuration", "P1X"), SamlErrorCode.MessageInvalidValue);
        yield return Case("CacheDurationNegative", d => d.DocumentElement!.SetAttribute("cacheDuration", "-PT1H"), SamlErrorCode.MessageInvalidValue);
        yield return Case("IdNotNcName", d => d.DocumentElement!.SetAttribute("ID", "1abc"), SamlErrorCode.MessageInvalidValue);
        yield return Case("OrganizationNameWithoutLang", d => First(d, "OrganizationName").RemoveAttribute("xml:lang"), SamlErrorCode.MessageMissingAttribute);
        yield return Case("OrganizationUrlNotHttps", d => First(d, "OrganizationURL").InnerText = "ftp://idp.test/", SamlErrorCode.MetadataInvalidUrl);
        yield return Case("ContactTypeUnknown", d => First(d, "ContactPerson").SetAttribute("contactType", "boss"), SamlErrorCode.MessageInvalidValue);
        yield return Case("ContactElementsOutOfOrder", d => First(d, "ContactPerson").AppendChild(Element(d, Md, "Company")), SamlErrorCode.MessageUnexpectedElement);
        yield return Case("TextInEntityDescriptor", d => First(d, "EntityDescriptor").AppendChild(d.CreateTextNode("hello")), SamlErrorCode.MessageMixedContent);
        yield return Case("SignatureNotFirst", d => First(d, "EntityDescriptor").AppendChild(Element(d, XmlNames.DSig, "Signature")), SamlErrorCode.SignatureNotAtExpectedPosition);
        yield return Case("EmptyGroup", d => First(d, "EntitiesDescriptor", nth: 1).RemoveAll(), SamlErrorCode.MessageMissingElement);
        yield return Case("RootNotMetadata", d => d.ReplaceChild(Element(d, XmlNames.Samlp, "Response"), d.DocumentElement!), SamlErrorCode.MessageUnexpectedRoot);
    }

    [TestCaseSource(nameof(Mutations))]
    public void Reader_RefusesBrokenMetadata(Action<XmlDocument> mutate, SamlErrorCode expected)
    {
        var document = SecureXml.Load(MetadataTestData.FederationXml(), SecureXmlOptions.Metadata);
        mutate(document);

        var exception = Assert.Throws<SamlException>(() => MetadataReader.Default.Read(document));

        Assert.That(exception!.Code, Is.EqualTo(expected), exception.Message);
    }

    [TestCase(nameof(MetadataReaderOptions.MaxEntities), 3)]
    [TestCase(nameof(MetadataReaderOptions.MaxEntitiesNesting), 1)]
    [TestCase(nameof(MetadataReaderOptions.MaxKeyDescriptors), 2)]
    [TestCase(nameof(MetadataReaderOptions.MaxEndpoints), 1)]
    [TestCase(nameof(MetadataReaderOptions.MaxRoles), 1)]
    [TestCase(nameof(MetadataReaderOptions.MaxOtherRepeats), 1)]
    public void Reader_RefusesMoreThanTheLimit(string limit, int value)
    {
        var options = limit switch
        {
            nameof(MetadataReaderOptions.MaxEntities) => new MetadataReaderOptions { MaxEntities = value },
            nameof(MetadataReaderOptions.MaxEntitiesNesting) => new MetadataReaderOptions { MaxEntitiesNesting = value },
            nameof(MetadataReaderOptions.MaxKeyDescriptors) => new MetadataReaderOptions { MaxKeyDescriptors = value },
            nameof(MetadataReaderOptions.MaxEndpoints) => new MetadataReaderOptions { MaxEndpoints = value },
            nameof(MetadataReaderOptions.MaxRoles) => new MetadataReaderOptions { MaxRoles = value },
            _ => new MetadataReaderOptions { MaxOtherRepeats = value },
        };
        var document = SecureXml.Load(MetadataTestData.FederationXml(), SecureXmlOptions.Metadata);

        var exception = Assert.Throws<SamlException>(() => new MetadataReader(options).Read(document));

        Assert.That(exception!.Code, Is.EqualTo(SamlErrorCode.MessageTooManyElements));
    }

    [Test]
    public void SecureXml_RefusesMetadataWithADoctype()
    {
        var xml = "<!DOCTYPE x [<!ENTITY e 'e'>]>" + MetadataTestData.FederationXml();

        Assert.That(Assert.Throws<SamlException>(() => SecureXml.Load(xml, SecureXmlOptions.Metadata))!.Code, Is.EqualTo(SamlErrorCode.XmlDoctypeForbidden));
    }

    private static TestCaseData Case(string name, Action<XmlDocument> mutate, SamlErrorCode expected) =>
        new TestCaseData(mutate, expected).SetName($"Reader_Refuses_{name}");

    private static XmlElement First(XmlDocument document, string localName, string ns = Md, int nth = 0) => All(document, localName, ns)[nth];

    private static List<XmlElement> All(XmlDocument document, string localName, string ns = Md) =>
        [.. document.GetElementsByTagName(localName, ns).Cast<XmlElement>()];

    private static XmlElement Element(XmlDocument document, string ns, string localName) => document.CreateElement("x", localName, ns);

    private static XmlElement Extensions(XmlDocument document) => First(document, "Extensions");

    private static void RemoveAll(XmlDocument document, string localName, string ns = Md, bool firstOnly = false)
    {
        foreach (var element in firstOnly ? All(document, localName, ns).Take(1) : All(document, localName, ns))
        {
            element.ParentNode!.RemoveChild(element);
        }
    }

    private static void RepeatCertificate(XmlDocument document, int times)
    {
        var certificate = First(document, "X509Certificate", XmlNames.DSig);
        for (var i = 1; i < times; i++)
        {
            certificate.ParentNode!.AppendChild(certificate.CloneNode(deep: true));
        }
    }
}
