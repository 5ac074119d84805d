using System.Text;
using System.Xml;

using Verify.Federation.Publishing;
using Verify.Federation.Registration;
using Verify.Federation.Tests.Support;
using Verify.Saml.Metadata;
using Verify.Saml.Xml;
using Verify.Testing;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Publishing;

/// <summary>
/// Federation metadata: the hub and every enabled IDP, as registered, signed by the caller with the metadata-signing
/// key (never a hub key) and verified back with <see cref="MetadataVerifier.Pinned"/>.
/// </summary>
public sealed class FederationMetadataBuilderTests
{
    private static readonly DateTimeOffset ValidUntil = Now.AddDays(7);
    private readonly TestClock _clock = new();

    [Test]
    public void Build_SignedWithTheMetadataSigningKey_VerifiesPinned_AndHoldsTheHubAndEnabledIdps()
    {
        var verified = Verify(SignedFederation());

        Assert.Multiple(() =>
        {
            Assert.That(verified.Entities.Select(e => e.EntityId), Is.EqualTo(new List<string> { HubId, IdpId, "https://idp2.test/saml" }));
            Assert.That(verified.ValidUntil, Is.EqualTo(ValidUntil));
            Assert.That(verified.SignerCertificate!.Thumbprint, Is.EqualTo(SampleCerts.Certificate("metadata-signing").Thumbprint));
        });
    }

    [Test]
    public void Build_RepublishesEachIdpAsRegistered()
    {
        var verified = Verify(SignedFederation());
        var idp = verified.GetEntity(IdpId).IdpSsoDescriptor!;

        Assert.Multiple(() =>
        {
            Assert.That(idp.SingleSignOnService(Saml.Samlp.SamlBindings.HttpPost)!.Location, Is.EqualTo("https://idp.test/sso"));
            Assert.That(idp.CertificatesFor(KeyUse.Signing).Single().Thumbprint, Is.EqualTo(SampleCerts.Certificate("stub-idp-signing").Thumbprint));
            Assert.That(idp.CertificatesFor(KeyUse.Encryption).Single().Thumbprint, Is.EqualTo(SampleCerts.Certificate("stub-idp-encryption").Thumbprint));
        });
    }

    [Test]
    public void Build_DropsTheIdpsOwnIdAndValidity_SoTheFederationsGovern()
    {
        var idp = Idp() with { Id = "_idp", ValidUntil = Now.AddDays(-1), CacheDuration = TimeSpan.FromDays(1) };
        var snapshot = FederationSnapshot.FromRegistrations([], [IdentityProviderRegistration.FromMetadata(Bytes(idp), IdpSettings())], _clock);

        var document = FederationMetadataBuilder.Build(HubEntity(), snapshot, ValidUntil);
        var entity = (XmlElement)document.DocumentElement!.ChildNodes[1]!;

        Assert.Multiple(() =>
        {
            Assert.That(entity.GetAttribute("entityID"), Is.EqualTo(IdpId));
            Assert.That(entity.HasAttribute("ID"), Is.False);
            Assert.That(entity.HasAttribute("validUntil"), Is.False);
            Assert.That(entity.HasAttribute("cacheDuration"), Is.False);
        });
    }

    [Test]
    public void Build_RefusesAnIdpWithTheHubsEntityId()
    {
        var snapshot = FederationSnapshot.FromRegistrations([], [RegisterIdp(HubId)], _clock);

        Assert.Throws<ArgumentException>(() => FederationMetadataBuilder.Build(HubEntity(), snapshot, ValidUntil));
    }

    [Test]
    public void TheSignedMetadata_DoesNotVerifyWithAHubKey()
    {
        var signed = SignedFederation();

        Assert.Throws<Saml.Errors.SamlException>(() => MetadataVerifier.Pinned([SampleCerts.Certificate("hub-signing")], _clock).Verify(signed));
    }

    /// <summary>What <c>verify federation publish</c> does: build, sign with certs-sample/metadata-signing.*, serialise.</summary>
    internal byte[] SignedFederation()
    {
        var snapshot = FederationSnapshot.FromRegistrations(
            [RegisterRp()],
            [RegisterIdp(), RegisterIdp("https://idp2.test/saml"), RegisterIdp("https://disabled.test/saml", IdpSettings() with { Enabled = false })],
            _clock);
        var document = FederationMetadataBuilder.Build(HubEntity(), snapshot, ValidUntil);
        using var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("metadata-signing"));
        MetadataSigner.Sign(document, credential, ValidUntil);
        return Encoding.UTF8.GetBytes(document.OuterXml);
    }

    private VerifiedMetadata Verify(byte[] signed) => MetadataVerifier.Pinned([SampleCerts.Certificate("metadata-signing")], _clock).Verify(signed);
}
