using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;
using Verify.TestRp.Tests.Support;
using Verify.Web.Hosting;

namespace Verify.TestRp.Tests;

/// <summary>Options validate themselves before the app is built (STYLE.md), listing every fault.</summary>
public sealed class TestRpOptionsTests
{
    private static readonly FakeTimeProvider Clock = new();

    [Test]
    public void SampleOptions_AreValid_WithSecureDefaults()
    {
        var options = TestRpServer.SampleOptions(Clock);

        Assert.That(options.Validate, Throws.Nothing);
        Assert.Multiple(() =>
        {
            Assert.That(options.EntityId, Is.EqualTo("https://rp.test"));
            Assert.That(options.DisplayName, Is.EqualTo("Test service"));
            Assert.That(options.RequestedLevels, Is.EqualTo(new[] { AuthnContexts.Level2 }));
            Assert.That(options.RequestedLevelComparison, Is.EqualTo(AuthnContextComparison.Minimum));
            Assert.That(options.RequestLifetime, Is.EqualTo(TimeSpan.FromMinutes(150)));
        });
    }

    public static IEnumerable<TestCaseData> InvalidOptions()
    {
        yield return Case("NoHubSigningCertificates", o => o.HubSigningCertificates = []);
        yield return Case("WeakHubSigningKey", o => o.HubSigningCertificates = [SampleCerts.Certificate("weak-rsa1024-signing")]);
        yield return Case("HubSsoUrlIsPlainHttp", o => o.HubSsoUrl = new Uri("http://hub.test/SAML2/SSO"));
        yield return Case("HubSsoUrlIsRelative", o => o.HubSsoUrl = new Uri("/SAML2/SSO", UriKind.Relative));
        yield return Case("EntityIdIsNotAUri", o => o.EntityId = "rp");
        yield return Case("HubEntityIdIsEmpty", o => o.HubEntityId = "");
        yield return Case("SigningCredentialHasNoCertificate", o => o.SigningCredential = SigningCredential.FromKey(SampleCerts.RsaKey("test-rp-signing")));
        yield return Case("NoDecryptionKeys", o => o.DecryptionKeys = []);
        yield return Case("LevelXRequested", o => o.RequestedLevels = [AuthnContexts.LevelX]);
        yield return Case("UnknownLevelRequested", o => o.RequestedLevels = ["urn:example:loa:high"]);
        yield return Case("BetterComparison", o => o.RequestedLevelComparison = AuthnContextComparison.Better);
        yield return Case("NoRequestLifetime", o => o.RequestLifetime = TimeSpan.Zero);

        static TestCaseData Case(string name, Action<Builder> change) =>
            new TestCaseData(change).SetName("Validate_Refuses_" + name);
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void Validate_RefusesOptionsThatCannotWork(Action<Builder> change)
    {
        var builder = new Builder();
        change(builder);
        var options = builder.Build();

        Assert.That(options.Validate, Throws.TypeOf<OptionsValidationException>());
    }

    [Test]
    public void Validate_AllowsPlainHttpToALoopbackHub_ForDevelopment()
    {
        var options = new Builder { HubSsoUrl = new Uri("http://127.0.0.1:5000/SAML2/SSO") }.Build();

        Assert.That(options.Validate, Throws.Nothing);
    }

    [Test]
    public void Validate_AllowsNoRequestedLevels_AsGovUkVerifyRpsSentNone()
    {
        var options = new Builder { RequestedLevels = [] }.Build();

        Assert.That(options.Validate, Throws.Nothing);
    }

    [Test]
    public void Build_RefusesInvalidOptions_BeforeListening()
    {
        var options = new Builder { HubSigningCertificates = [] }.Build();
        var endpoint = new WebAppEndpoint(new Uri("https://rp.test:1/"), SampleCerts.CertificateWithKey("tls"));

        var thrown = Assert.Throws<OptionsValidationException>(() => TestRpApp.Build(options, endpoint));

        Assert.That(thrown!.Failures, Has.Some.Contains("HubSigningCertificates"));
    }

    /// <summary>Mutable stand-in for the init-only options, so each case changes one thing.</summary>
    public sealed class Builder
    {
        private readonly TestRpOptions _sample = TestRpServer.SampleOptions(Clock);

        public Builder()
        {
            EntityId = _sample.EntityId;
            HubEntityId = _sample.HubEntityId;
            HubSsoUrl = _sample.HubSsoUrl;
            HubSigningCertificates = _sample.HubSigningCertificates;
            SigningCredential = _sample.SigningCredential;
            DecryptionKeys = _sample.DecryptionKeys;
            RequestedLevels = _sample.RequestedLevels;
            RequestedLevelComparison = _sample.RequestedLevelComparison;
            RequestLifetime = _sample.RequestLifetime;
        }

        public string EntityId { get; set; }

        public string HubEntityId { get; set; }

        public Uri HubSsoUrl { get; set; }

        public IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2> HubSigningCertificates { get; set; }

        public SigningCredential SigningCredential { get; set; }

        public IReadOnlyList<Verify.Saml.Xml.Encryption.DecryptionKey> DecryptionKeys { get; set; }

        public IReadOnlyList<string> RequestedLevels { get; set; }

        public AuthnContextComparison RequestedLevelComparison { get; set; }

        public TimeSpan RequestLifetime { get; set; }

        public TestRpOptions Build() => new()
        {
            EntityId = EntityId,
            HubEntityId = HubEntityId,
            HubSsoUrl = HubSsoUrl,
            HubSigningCertificates = HubSigningCertificates,
            SigningCredential = SigningCredential,
            DecryptionKeys = DecryptionKeys,
            RequestedLevels = RequestedLevels,
            RequestedLevelComparison = RequestedLevelComparison,
            RequestLifetime = RequestLifetime,
            TimeProvider = Clock,
        };
    }
}
