using System.Xml;

using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Metadata;

/// <summary>Writing the model and reading it back gives the same metadata, in the standard shape.</summary>
public sealed class MetadataRoundTripTests
{
    private static readonly string[] Aes256Gcm = ["http://www.w3.org/2009/xmlenc11#aes256-gcm"];
    private static readonly string[] IdpEmails = ["mailto:ops@idp.test", "mailto:oncall@idp.test"];

    [Test]
    public void WriteThenRead_ThenWriteAgain_GivesTheSameXml()
    {
        var first = MetadataTestData.FederationXml();

        var read = MetadataReader.Default.Read(SecureXml.Load(first, SecureXmlOptions.Metadata));
        var second = MetadataWriter.Write(read).OuterXml;

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void RoundTrip_KeepsSeveralKeysPerUse_InOrder()
    {
        var idp = RoundTrip().FindEntity(MetadataTestData.IdpEntityId)!.IdpSsoDescriptor!;

        Assert.Multiple(() =>
        {
            Assert.That(idp.CertificatesFor(KeyUse.Signing), Is.EqualTo(new[] { SampleCerts.Certificate("stub-idp-signing"), SampleCerts.Certificate("stub-idp-signing-ecdsa") }));
            Assert.That(idp.CertificatesFor(KeyUse.Encryption), Is.EqualTo(new[] { SampleCerts.Certificate("stub-idp-encryption") }));
            Assert.That(idp.KeyDescriptors[2].EncryptionMethods, Is.EqualTo(Aes256Gcm));
        });
    }

    [Test]
    public void RoundTrip_AKeyWithNoUse_IsForSigningAndEncryption()
    {
        var rp = RoundTrip().FindEntity(MetadataTestData.RpEntityId)!.SpSsoDescriptor!;

        Assert.Multiple(() =>
        {
            Assert.That(rp.KeyDescriptors[0].Use, Is.EqualTo(KeyUse.Unspecified));
            Assert.That(rp.CertificatesFor(KeyUse.Signing), Is.EqualTo(new[] { SampleCerts.Certificate("test-rp-signing") }));
            Assert.That(rp.CertificatesFor(KeyUse.Encryption), Is.EqualTo(new[] { SampleCerts.Certificate("test-rp-signing"), SampleCerts.Certificate("test-rp-encryption") }));
        });
    }

    [Test]
    public void RoundTrip_KeepsTheGroupAttributesAndNesting()
    {
        var federation = (EntitiesDescriptor)RoundTrip();

        Assert.Multiple(() =>
        {
            Assert.That(federation.Id, Is.EqualTo("_federation"));
            Assert.That(federation.Name, Is.EqualTo("https://hub.test/federation"));
            Assert.That(federation.ValidUntil, Is.EqualTo(TestPki.Now.AddDays(7)).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(federation.CacheDuration, Is.EqualTo(TimeSpan.FromMinutes(30)));
            Assert.That(federation.Members, Has.Count.EqualTo(4));
            Assert.That(federation.Members[1], Is.TypeOf<EntitiesDescriptor>());
            Assert.That(federation.Entities.Select(e => e.EntityId), Is.EqualTo(new[]
            {
                MetadataTestData.HubEntityId, MetadataTestData.IdpEntityId, MetadataTestData.RpEntityId, MetadataTestData.MatchingServiceEntityId,
            }));
        });
    }

    [Test]
    public void RoundTrip_KeepsEndpointsRolesOrganizationContactsAndExtensions()
    {
        var metadata = RoundTrip();
        var idp = metadata.FindEntity(MetadataTestData.IdpEntityId)!;
        var rp = metadata.FindEntity(MetadataTestData.RpEntityId)!.SpSsoDescriptor!;
        var ms = metadata.FindEntity(MetadataTestData.MatchingServiceEntityId)!.AttributeAuthorityDescriptor!;
        var hub = metadata.FindEntity(MetadataTestData.HubEntityId)!;

        Assert.Multiple(() =>
        {
            Assert.That(idp.IdpSsoDescriptor!.WantAuthnRequestsSigned, Is.True);
            Assert.That(idp.IdpSsoDescriptor.SingleSignOnService(SamlBindings.HttpRedirect)!.Location, Is.EqualTo("https://idp.test/saml/sso"));
            Assert.That(idp.Organization!.Names, Is.EqualTo(new LocalizedText[] { new("en", "Stub IDP Ltd"), new("cy", "Stub IDP Cyf") }));
            Assert.That(idp.ContactPersons[0].EmailAddresses, Is.EqualTo(IdpEmails));
            Assert.That(idp.ContactPersons[0] with { EmailAddresses = [], TelephoneNumbers = [], Extensions = [] }, Is.EqualTo(new ContactPerson
            {
                Type = ContactType.Technical,
                Company = "Stub IDP Ltd",
                GivenName = "Ada",
                Surname = "Lovelace",
                EmailAddresses = [],
                TelephoneNumbers = [],
                Extensions = [],
            }));
            Assert.That(idp.Extensions.Single().NamespaceURI, Is.EqualTo(MetadataTestData.MduiNamespace));
            Assert.That(rp.AuthnRequestsSigned && rp.WantAssertionsSigned, Is.True);
            Assert.That(rp.DefaultAssertionConsumerService!.Location, Is.EqualTo("https://rp.test/saml/acs2"));
            Assert.That(rp.AssertionConsumerService(0)!.Location, Is.EqualTo("https://rp.test/saml/acs"));
            Assert.That(rp.SingleLogoutServices.Single().ResponseLocation, Is.EqualTo("https://rp.test/saml/logout/done"));
            Assert.That(ms.AttributeService(SamlBindings.Soap)!.Location, Is.EqualTo("https://ms.test/matching-service/POST"));
            Assert.That(hub.Roles.Select(r => r.GetType()), Is.EqualTo(new[] { typeof(SpSsoDescriptor), typeof(IdpSsoDescriptor) }));
        });
    }

    [Test]
    public void Writer_UsesTheStandardPrefixes_DeclaredOnceOnTheRoot()
    {
        var document = MetadataWriter.Write(MetadataTestData.Federation());
        var root = document.DocumentElement!;

        Assert.Multiple(() =>
        {
            Assert.That(root.Name, Is.EqualTo("md:EntitiesDescriptor"));
            Assert.That(root.GetAttribute("xmlns:md"), Is.EqualTo(XmlNames.Metadata));
            Assert.That(root.GetAttribute("xmlns:ds"), Is.EqualTo(XmlNames.DSig));
            Assert.That(document.GetElementsByTagName("X509Certificate", XmlNames.DSig)[0]!.Name, Is.EqualTo("ds:X509Certificate"));
            Assert.That(document.OuterXml.Split("xmlns:md=").Length - 1, Is.EqualTo(1));
            Assert.That(((XmlElement)document.GetElementsByTagName("OrganizationName", XmlNames.Metadata)[0]!).GetAttribute("xml:lang"), Is.EqualTo("en"));
        });
    }

    [Test]
    public void IndexedEndpoint_SelectDefault_FollowsMetadata223()
    {
        static IndexedEndpoint At(int index, bool? isDefault) => new() { Binding = SamlBindings.HttpPost, Location = "https://rp.test/" + index, Index = index, IsDefault = isDefault };

        Assert.Multiple(() =>
        {
            Assert.That(IndexedEndpoint.SelectDefault([At(0, false), At(1, null), At(2, true)])!.Index, Is.EqualTo(2));
            Assert.That(IndexedEndpoint.SelectDefault([At(0, false), At(1, null)])!.Index, Is.EqualTo(1));
            Assert.That(IndexedEndpoint.SelectDefault([At(0, false), At(1, false)])!.Index, Is.Zero);
            Assert.That(IndexedEndpoint.SelectDefault([]), Is.Null);
        });
    }

    private static MetadataDescriptor RoundTrip() =>
        MetadataReader.Default.Read(SecureXml.Load(MetadataTestData.FederationXml(), SecureXmlOptions.Metadata));
}
