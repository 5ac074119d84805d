using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Metadata;

/// <summary>Metadata as other SAML software writes it (indented, line-wrapped base64, comments, extra prefixes) is read.</summary>
public sealed class MetadataReaderTests
{
    private static readonly string[] NameIdFormats = ["urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"];

    private static string PeerSp => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- written by a peer SP -->
        <EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:dsig="http://www.w3.org/2000/09/xmldsig#"
                          xmlns:shibmd="urn:mace:shibboleth:metadata:1.0" entityID="https://sp.example.gov.uk/shibboleth" validUntil="2030-01-01T00:00:00Z">
          <Extensions><shibmd:Scope regexp="false">example.gov.uk</shibmd:Scope></Extensions>
          <SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol urn:oasis:names:tc:SAML:1.1:protocol" AuthnRequestsSigned="1">
            <KeyDescriptor>
              <dsig:KeyInfo>
                <dsig:KeyName>sp.example.gov.uk</dsig:KeyName>
                <dsig:X509Data>
                  <dsig:X509SubjectName>CN=sp.example.gov.uk</dsig:X509SubjectName>
                  <dsig:X509Certificate>
        {Wrapped("test-rp-signing")}
                  </dsig:X509Certificate>
                </dsig:X509Data>
              </dsig:KeyInfo>
              <EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#rsa-oaep"><dsig:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/></EncryptionMethod>
            </KeyDescriptor>
            <ArtifactResolutionService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="https://sp.example.gov.uk/Shibboleth.sso/Artifact/SOAP" index="1"/>
            <SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://sp.example.gov.uk/Shibboleth.sso/SLO/Redirect"/>
            <NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</NameIDFormat>
            <NameIDFormat> urn:oasis:names:tc:SAML:2.0:nameid-format:transient </NameIDFormat>
            <AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.gov.uk/Shibboleth.sso/SAML2/POST" index="1"/>
            <AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://sp.example.gov.uk/Shibboleth.sso/SAML2/Artifact" index="2" isDefault="false"/>
            <AttributeConsumingService index="1"><ServiceName xml:lang="en">Example</ServiceName><RequestedAttribute Name="MDS_surname"/></AttributeConsumingService>
          </SPSSODescriptor>
          <ContactPerson contactType="technical"><GivenName>Ops</GivenName><EmailAddress>mailto:ops@example.gov.uk</EmailAddress></ContactPerson>
        </EntityDescriptor>
        """;

    [Test]
    public void Reader_ReadsAPeerSpsMetadata()
    {
        var entity = (EntityDescriptor)MetadataReader.Default.Read(SecureXml.Load(PeerSp.Trim(), SecureXmlOptions.Metadata));
        var sp = entity.SpSsoDescriptor!;

        Assert.Multiple(() =>
        {
            Assert.That(entity.EntityId, Is.EqualTo("https://sp.example.gov.uk/shibboleth"));
            Assert.That(entity.ValidUntil, Is.EqualTo(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(entity.Extensions.Single().LocalName, Is.EqualTo("Scope"));
            Assert.That(sp.AuthnRequestsSigned, Is.True);
            Assert.That(sp.WantAssertionsSigned, Is.False);
            Assert.That(sp.KeyDescriptors.Single().KeyName, Is.EqualTo("sp.example.gov.uk"));
            Assert.That(sp.CertificatesFor(KeyUse.Signing).Single(), Is.EqualTo(SampleCerts.Certificate("test-rp-signing")));
            Assert.That(sp.CertificatesFor(KeyUse.Encryption).Single(), Is.EqualTo(SampleCerts.Certificate("test-rp-signing")));
            Assert.That(sp.NameIdFormats, Is.EqualTo(NameIdFormats));
            Assert.That(sp.ArtifactResolutionServices.Single().Binding, Is.EqualTo(SamlBindings.Soap));
            Assert.That(sp.DefaultAssertionConsumerService!.Index, Is.EqualTo(1));
            Assert.That(sp.AttributeConsumingServices, Has.Count.EqualTo(1));
            Assert.That(entity.ContactPersons.Single().GivenName, Is.EqualTo("Ops"));
            Assert.That(entity.Source, Is.SameAs(entity.Source!.OwnerDocument.DocumentElement));
        });
    }

    [Test]
    public void Reader_FindsEntitiesByEntityId_AcrossNestedGroups()
    {
        var metadata = MetadataReader.Default.Read(SecureXml.Load(MetadataTestData.FederationXml(), SecureXmlOptions.Metadata));

        Assert.Multiple(() =>
        {
            Assert.That(metadata.FindEntity(MetadataTestData.IdpEntityId)!.IdpSsoDescriptor, Is.Not.Null);
            Assert.That(metadata.FindEntity("https://IDP.test/saml"), Is.Null, "entityIDs compare ordinally");
            Assert.That(metadata.FindEntity("https://nobody.test"), Is.Null);
        });
    }

    [Test]
    public void Reader_AcceptsHttpEndpoints_OnlyWhenHttpsIsNotRequired()
    {
        var xml = MetadataTestData.FederationXml().Replace("https://rp.test/saml/acs2", "http://localhost:5000/acs", StringComparison.Ordinal);
        var relaxed = new MetadataReader(new MetadataReaderOptions { RequireHttps = false });

        Assert.Multiple(() =>
        {
            Assert.That(relaxed.Read(SecureXml.Load(xml, SecureXmlOptions.Metadata)).FindEntity(MetadataTestData.RpEntityId), Is.Not.Null);
            Assert.That(
                Assert.Throws<SamlException>(() => MetadataReader.Default.Read(SecureXml.Load(xml, SecureXmlOptions.Metadata)))!.Code,
                Is.EqualTo(SamlErrorCode.MetadataInvalidUrl));
        });
    }

    private static string Wrapped(string stem)
    {
        var base64 = Convert.ToBase64String(SampleCerts.Certificate(stem).RawData);
        return string.Join("\n", base64.Chunk(64).Select(c => "            " + new string(c)));
    }
}
