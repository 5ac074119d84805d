using Verify.MatchingService.Tests.Support;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Testing;

namespace Verify.MatchingService.Tests.Metadata;

/// <summary>The matching service's own metadata: an AttributeAuthorityDescriptor with its keys and SOAP endpoint.</summary>
public sealed class MetadataTests
{
    [Test]
    public async Task Metadata_PublishesEveryKeyDuringARotation_AndTheSoapEndpoint()
    {
        var next = SampleCerts.Certificate("test-rp-signing");
        var nextEncryption = SampleCerts.CertificateWithKey("test-rp-encryption");
        await using var host = await MatchingServiceHost.StartAsync(configure: o => o with
        {
            PublishedSigningCertificates = [next],
            EncryptionCertificates = [.. o.EncryptionCertificates, nextEncryption],
        });
        using var client = host.NewClient();

        using var response = await client.GetAsync(host.Paths.MetadataUrl);
        var entity = (EntityDescriptor)MetadataReader.Default.Read(Verify.Saml.Xml.SecureXml.Load(await response.Content.ReadAsByteArrayAsync()));

        var authority = entity.AttributeAuthorityDescriptor!;
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/samlmetadata+xml"));
            Assert.That(entity.EntityId, Is.EqualTo(Parties.MatchingServiceEntityId));
            Assert.That(authority.CertificatesFor(KeyUse.Signing).Select(c => c.Thumbprint),
                Is.EqualTo(new[] { SampleCerts.Certificate("matching-service-signing").Thumbprint, next.Thumbprint }));
            Assert.That(authority.CertificatesFor(KeyUse.Encryption).Select(c => c.Thumbprint),
                Is.EqualTo(new[] { SampleCerts.Certificate("matching-service-encryption").Thumbprint, nextEncryption.Thumbprint }));
            Assert.That(authority.CertificatesFor(KeyUse.Encryption).All(c => !c.HasPrivateKey), "public keys only");
            Assert.That(authority.AttributeService(SamlBindings.Soap)!.Location, Is.EqualTo(host.Paths.AttributeQueryUrl));
        });
    }

    [Test]
    public async Task DuringAnEncryptionKeyRotation_QueriesForEitherKeyAreAnswered()
    {
        await using var host = await MatchingServiceHost.StartAsync(configure: o => o with
        {
            EncryptionCertificates = [SampleCerts.CertificateWithKey("test-rp-encryption"), .. o.EncryptionCertificates],
        });
        using var hub = new TestHub(host);

        var answer = await hub.AskAsync(hub.Query());

        Assert.That(answer.Outcome, Is.EqualTo(Verify.Saml.Validation.MatchingServiceOutcome.Match), "the hub still encrypts for the old key");
    }

    [Test]
    public void RegistrationMetadata_HasNoValidUntil_AndReadsBack()
    {
        var endpoint = new Verify.Web.Hosting.WebAppEndpoint(new Uri("https://ms.test/"), SampleCerts.CertificateWithKey("tls"));

        var document = MatchingServiceApp.RegistrationMetadata(Parties.Options(new Microsoft.Extensions.Time.Testing.FakeTimeProvider()), endpoint);
        var entity = (EntityDescriptor)MetadataReader.Default.Read(document);

        Assert.Multiple(() =>
        {
            Assert.That(entity.ValidUntil, Is.Null, "the federation's signed metadata carries the validity");
            Assert.That(entity.AttributeAuthorityDescriptor!.AttributeService(SamlBindings.Soap)!.Location, Is.EqualTo("https://ms.test/SAML2/SOAP/AttributeQuery"));
        });
    }
}
