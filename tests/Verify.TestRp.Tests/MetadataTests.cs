using System.Net;

using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests;

/// <summary>The SP metadata the hub registers the test RP from.</summary>
public sealed class MetadataTests
{
    private TestRpServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await TestRpServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task Metadata_IsServedAsSamlMetadata_AndEqualsTestRpMetadataBuild()
    {
        using var browser = _server.NewBrowser();

        using var response = await browser.GetAsync(TestRpPaths.Metadata);
        var served = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/samlmetadata+xml"));
            Assert.That(served, Is.EqualTo(TestRpMetadata.Build(_server.Options, _server.BaseUrl).OuterXml));
        });
    }

    [Test]
    public async Task Metadata_ParsesStrictly_AndListsBothCertificatesAndTheAcs()
    {
        using var browser = _server.NewBrowser();
        using var response = await browser.GetAsync(TestRpPaths.Metadata);

        var entity = (EntityDescriptor)MetadataReader.Default.Read(SecureXml.LoadUtf8(await response.Content.ReadAsStringAsync(), SecureXmlOptions.Metadata));

        var sp = entity.SpSsoDescriptor!;
        var acs = sp.AssertionConsumerServices.Single();
        Assert.Multiple(() =>
        {
            Assert.That(entity.EntityId, Is.EqualTo("https://rp.test"));
            Assert.That(entity.Organization?.DisplayNames.Single().Value, Is.EqualTo("Test service"));
            Assert.That(sp.AuthnRequestsSigned, Is.True);
            Assert.That(sp.WantAssertionsSigned, Is.True);
            Assert.That(sp.CertificatesFor(KeyUse.Signing).Single().Thumbprint, Is.EqualTo(SampleCerts.Certificate("test-rp-signing").Thumbprint));
            Assert.That(sp.CertificatesFor(KeyUse.Encryption).Single().Thumbprint, Is.EqualTo(SampleCerts.Certificate("test-rp-encryption").Thumbprint));
            Assert.That(sp.KeyDescriptors.Single(k => k.Use == KeyUse.Encryption).EncryptionMethods, Does.Contain("http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"));
            Assert.That(sp.NameIdFormats.Single(), Is.EqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"));
            Assert.That(acs.Binding, Is.EqualTo(SamlBindings.HttpPost));
            Assert.That(acs.Location, Is.EqualTo(_server.AcsUrl));
            Assert.That(acs.Index, Is.Zero);
            Assert.That(acs.IsDefault, Is.True);
        });
    }

    [TestCase("https://rp.test/service/")]
    [TestCase("https://rp.test/?q=1")]
    [TestCase("ftp://rp.test/")]
    public void MetadataBuild_RefusesABaseUrlThatIsNotAnOrigin(string baseUrl)
    {
        var options = TestRpServer.SampleOptions(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());

        Assert.That(() => TestRpMetadata.Build(options, new Uri(baseUrl)), Throws.ArgumentException);
    }
}
