using System.Text;

using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;
using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Testing;

namespace Verify.Federation.Tests.Publishing;

/// <summary>The store keeps signed federation metadata only once it verifies, and serves it byte for byte.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class PublishedMetadataStoreTests(FederationProvider provider) : StoreTestBase(provider)
{
    [Test]
    public async Task Publish_StoresTheVerifiedDocument_AndTheSnapshotServesIt()
    {
        var signed = new FederationMetadataBuilderTests().SignedFederation();
        var revision = await Store.GetRevisionAsync();

        var published = await Store.PublishMetadataAsync(signed, Verifier());
        var latest = await Store.GetPublishedMetadataAsync();
        var snapshot = await Store.LoadSnapshotAsync();

        Assert.Multiple(() =>
        {
            Assert.That(latest!.Xml.ToArray(), Is.EqualTo(signed));
            Assert.That(latest.ValidUntil, Is.EqualTo(TestParties.Now.AddDays(7)));
            Assert.That(latest.PublishedAt, Is.EqualTo(TestParties.Now));
            Assert.That(latest.Sha256, Is.EqualTo(published.Sha256));
            Assert.That(snapshot.PublishedMetadata!.Sha256, Is.EqualTo(published.Sha256));
            Assert.That(snapshot.Revision, Is.EqualTo(revision + 1));
        });
    }

    [Test]
    public async Task Publish_RefusesATamperedDocument_AndStoresNothing()
    {
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(new FederationMetadataBuilderTests().SignedFederation())
            .Replace("https://idp.test/sso", "https://evil.test/sso", StringComparison.Ordinal));

        Assert.ThrowsAsync<SamlException>(() => Store.PublishMetadataAsync(tampered, Verifier()));
        Assert.That(await Store.GetPublishedMetadataAsync(), Is.Null);
    }

    [Test]
    public async Task GetPublishedMetadata_GivesTheNewest()
    {
        var first = await Store.PublishMetadataAsync(new FederationMetadataBuilderTests().SignedFederation(), Verifier());
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Store.PublishMetadataAsync(new FederationMetadataBuilderTests().SignedFederation(), Verifier());

        var latest = await Store.GetPublishedMetadataAsync();

        Assert.Multiple(() =>
        {
            Assert.That(latest!.PublishedAt, Is.EqualTo(second.PublishedAt));
            Assert.That(latest.PublishedAt, Is.GreaterThan(first.PublishedAt));
        });
    }

    private MetadataVerifier Verifier() => MetadataVerifier.Pinned([SampleCerts.Certificate("metadata-signing")], Clock);
}
