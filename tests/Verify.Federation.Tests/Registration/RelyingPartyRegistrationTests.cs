using Verify.Federation.Registration;
using Verify.Hub.Journey.Assurance;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Registration;

/// <summary>What a relying party's registration takes from its metadata, and the defaults it applies.</summary>
public sealed class RelyingPartyRegistrationTests
{
    [Test]
    public void FromMetadata_KeepsOnlyHttpPostAcs_AndTheirDefault()
    {
        var registration = RegisterRp();

        Assert.Multiple(() =>
        {
            Assert.That(registration.AssertionConsumerServices.Select(a => a.Index), Is.EqualTo(new List<int> { 0, 1 }));
            Assert.That(registration.AssertionConsumerServices.Single(a => a.IsDefault).Url, Is.EqualTo("https://rp.test/saml/acs-default"));
        });
    }

    [Test]
    public void FromMetadata_DefaultsToPinnedTrust_AndTheOrganizationDisplayName()
    {
        var registration = RegisterRp();

        Assert.Multiple(() =>
        {
            Assert.That(registration.Trust, Is.EqualTo(TrustKind.Pinned));
            Assert.That(registration.DisplayName.English, Is.EqualTo("Test Service"));
            Assert.That(registration.DisplayName.Welsh, Is.EqualTo("Gwasanaeth Prawf"));
            Assert.That(registration.Enabled, Is.True);
        });
    }

    [Test]
    public void FromMetadata_TakesTheGivenSettings()
    {
        var registration = RegisterRp(settings: RpSettings("LEVEL_2", "LEVEL_1") with
        {
            Trust = TrustKind.Pkix,
            DisplayName = new("Apply for a thing", "Gwneud cais"),
            ServiceHomepage = "https://rp.test/start",
            MatchingServiceEntityId = "https://ms.test/saml",
        });

        Assert.Multiple(() =>
        {
            Assert.That(registration.Levels, Is.EqualTo(LevelOfAssuranceSet.Of(LevelOfAssurance.Level1, LevelOfAssurance.Level2)));
            Assert.That(registration.Trust, Is.EqualTo(TrustKind.Pkix));
            Assert.That(registration.DisplayName.English, Is.EqualTo("Apply for a thing"));
            Assert.That(registration.ServiceHomepage, Is.EqualTo("https://rp.test/start"));
            Assert.That(registration.MatchingServiceEntityId, Is.EqualTo("https://ms.test/saml"));
        });
    }

    [Test]
    public void FromMetadata_CountsAKeyWithoutUse_AsSigningAndEncryption()
    {
        var rp = Rp();
        var metadata = Bytes(rp with { Roles = [rp.SpSsoDescriptor! with { KeyDescriptors = [Key(KeyUse.Unspecified, "test-rp-signing")] }] });

        var registration = RelyingPartyRegistration.FromMetadata(metadata, RpSettings());

        Assert.That(registration.Certificates.Single().Use, Is.EqualTo(KeyUse.Unspecified));
    }

    [Test]
    public void FromMetadata_WithoutADisplayNameAnywhere_UsesTheEntityId()
    {
        var registration = RelyingPartyRegistration.FromMetadata(Bytes(Rp() with { Organization = null }), RpSettings());

        Assert.That(registration.DisplayName.English, Is.EqualTo(RpId));
    }

    [Test]
    public void FromMetadata_KeepsTheMetadataAsReceived()
    {
        var metadata = Bytes(Rp());

        var registration = RelyingPartyRegistration.FromMetadata(metadata, RpSettings());

        Assert.That(registration.MetadataXml.ToArray(), Is.EqualTo(metadata));
    }
}
