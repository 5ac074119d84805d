using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using Verify.StubIdp.Identities;
using Verify.StubIdp.Tests.Support;
using Verify.Testing;
using Verify.Web.Hosting;

namespace Verify.StubIdp.Tests;

/// <summary>Options are checked before anything is built: break one thing, get one clear problem.</summary>
public sealed class StubIdpOptionsTests
{
    private static readonly StubIdpOptions Valid = SampleHub.StubOptions(new FakeTimeProvider());

    private static IEnumerable<TestCaseData> BrokenOptions()
    {
        yield return Case("RelativeHubEntityId", Valid with { HubEntityId = "hub" }, "HubEntityId");
        yield return Case("RelativeHubAcsUrl", Valid with { HubAcsUrl = "/SAML2/SSO" }, "HubAcsUrl");
        yield return Case("NoHubSigningCertificate", Valid with { HubSigningCertificates = [] }, "HubSigningCertificates");
        yield return Case("WeakHubSigningCertificate", Valid with { HubSigningCertificates = [SampleCerts.Certificate("weak-rsa1024-signing")] }, "HubSigningCertificates");
        yield return Case("WeakHubEncryptionCertificate", Valid with { HubEncryptionCertificate = SampleCerts.Certificate("weak-rsa1024-signing") }, "HubEncryptionCertificate");
        yield return Case("SigningCertificateWithoutKey", Valid with { SigningCertificate = SampleCerts.Certificate("stub-idp-signing") }, "private key");
        yield return Case("NoIdps", Valid with { Idps = [] }, "Idps");
        yield return Case("SlugNotAUrlSegment", Valid with { Idps = [new("Stub IDP", "https://idp.test/x", "X")] }, "slug");
        yield return Case("SlugOfTheAssets", Valid with { Idps = [new("assets", "https://idp.test/x", "X")] }, "slug");
        yield return Case("DuplicateSlug", Valid with { Idps = [new("a", "https://idp.test/a", "A"), new("a", "https://idp.test/b", "B")] }, "unique");
        yield return Case("DuplicateEntityId", Valid with { Idps = [new("a", "https://idp.test/a", "A"), new("b", "https://idp.test/a", "B")] }, "unique");
        yield return Case("IdpWithHubsEntityId", Valid with { Idps = [new("a", SampleHub.EntityId, "A")] }, "hub's entity ID");
        yield return Case("NoIdentities", Valid with { Identities = [] }, "Identities");
        yield return Case("DuplicateIdentityKeys", Valid with { Identities = [SeededIdentities.All[0], SeededIdentities.All[0]] }, "unique");
        yield return Case(
            "IdentityWithoutDateOfBirth",
            Valid with { Identities = [SeededIdentities.All[0] with { Dataset = SeededIdentities.All[0].Dataset with { DatesOfBirth = [] } }] },
            "date of birth");
        yield return Case("ZeroPendingLifetime", Valid with { PendingRequestLifetime = TimeSpan.Zero }, "PendingRequestLifetime");
    }

    [Test]
    public void SampleOptions_AreValid()
    {
        Assert.That(Valid.Problems(), Is.Empty);
    }

    [Test]
    public void Defaults_AreTheTwoDevelopmentIdpsAndTheSeededIdentities()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Valid.Idps, Is.EqualTo(new WhiteLabelIdp[]
            {
                new("stub-idp-one", "https://idp.test/stub-idp-one", "Stub IDP One"),
                new("stub-idp-two", "https://idp.test/stub-idp-two", "Stub IDP Two"),
            }));
            Assert.That(Valid.Identities, Is.SameAs(SeededIdentities.All));
            Assert.That(Valid.PendingRequestLifetime, Is.EqualTo(TimeSpan.FromMinutes(60)));
        });
    }

    [TestCaseSource(nameof(BrokenOptions))]
    public void Build_RefusesBrokenOptions(StubIdpOptions options, string problem)
    {
        var endpoint = new WebAppEndpoint(new Uri("https://idp.test:1/"), SampleCerts.CertificateWithKey("tls"));

        var error = Assert.Throws<OptionsValidationException>(() => StubIdpApp.Build(options, endpoint));

        Assert.That(error!.Failures, Has.Some.Contains(problem));
    }

    private static TestCaseData Case(string name, StubIdpOptions options, string problem) =>
        new TestCaseData(options, problem).SetName($"Build_Refuses{name}");
}
