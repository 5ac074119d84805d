using Verify.Saml.Trust;

namespace Verify.Saml.Tests.Trust;

/// <summary>The operator's PKI configuration refuses set-ups that would blur the roles.</summary>
public sealed class FederationTrustAnchorsTests
{
    [Test]
    public void Anchors_MapMatchingServicesToTheRpCa_AndEachOtherRoleToItsOwn()
    {
        var anchors = TestPki.Anchors();

        Assert.Multiple(() =>
        {
            Assert.That(anchors.CaFor(PartyRole.MatchingService), Is.SameAs(TestPki.Cert("rp-ca")));
            Assert.That(anchors.CaFor(PartyRole.RelyingParty), Is.SameAs(TestPki.Cert("rp-ca")));
            Assert.That(anchors.CaFor(PartyRole.IdentityProvider), Is.SameAs(TestPki.Cert("idp-ca")));
            Assert.That(anchors.CaFor(PartyRole.MetadataSigning), Is.SameAs(TestPki.Cert("metadata-ca")));
            Assert.That(anchors.Intermediates, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public void Anchors_RefuseOneCaForTwoRoles()
    {
        Assert.Throws<ArgumentException>(() => new FederationTrustAnchors(
            TestPki.Cert("root-ca"), identityProviderCa: TestPki.Cert("idp-ca"), metadataCa: TestPki.Cert("idp-ca")));
    }

    [Test]
    public void Anchors_RefuseALeafAsACa()
    {
        Assert.Throws<ArgumentException>(() => new FederationTrustAnchors(TestPki.Cert("root-ca"), identityProviderCa: TestPki.Cert("stub-idp-signing")));
    }

    [Test]
    public void Anchors_RefuseACaNotIssuedByTheRoot()
    {
        Assert.Throws<ArgumentException>(() => new FederationTrustAnchors(TestPki.OtherRoot, identityProviderCa: TestPki.Cert("idp-ca")));
    }
}
