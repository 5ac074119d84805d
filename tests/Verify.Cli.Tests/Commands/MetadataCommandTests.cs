using System.CommandLine;
using System.Text;

using Microsoft.Extensions.Time.Testing;

using Verify.Cli.Commands;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Cli.Tests.Commands;

/// <summary><c>verify metadata sign</c> and <c>verify metadata verify</c>, run in-process with a fake clock.</summary>
[TestFixture]
public sealed class MetadataCommandTests
{
    private const string IdpEntityId = "https://idp.test/saml";
    private const string RpEntityId = "https://rp.test/saml";

    private string _folder = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "verify-metadata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _clock = new FakeTimeProvider(new DateTimeOffset(SampleCerts.Certificate("metadata-signing").NotBefore.ToUniversalTime()).AddDays(30));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Sign_ThenVerifyWithTheSigningCertificate_ExitsZeroAndListsTheEntities()
    {
        var signed = SignToFile(validUntil: null);

        var run = Run("verify", signed, "--cert", SampleCerts.CertificatePath("metadata-signing"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.Contain(IdpEntityId).And.Contain(RpEntityId).And.Contain("IdpSso"));
            Assert.That(run.Output, Does.Contain("Valid until: " + _clock.GetUtcNow().AddDays(MetadataCommand.DefaultValidForDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void Verify_UnderPkixWithRootAndMetadataCa_ExitsZero()
    {
        var signed = SignToFile(validUntil: null);

        var run = Run("verify", signed, "--root", SampleCerts.CertificatePath("root-ca"), "--ca", SampleCerts.CertificatePath("metadata-ca"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Contain("PKIX"));
    }

    [Test]
    public void Verify_UnderPkix_RefusesMetadataSignedWithTheHubKey()
    {
        var signed = SignToFileAs("hub-signing");

        var run = Run("verify", signed, "--root", SampleCerts.CertificatePath("root-ca"), "--ca", SampleCerts.CertificatePath("metadata-ca"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        // Only the metadata CA is configured, so the hub's certificate does not even chain.
        Assert.That(run.Error, Does.Contain("VS7103 TrustChainUntrusted"));
    }

    [Test]
    public void Verify_WithAnotherCertificate_ExitsFailure()
    {
        var signed = SignToFile(validUntil: null);

        var run = Run("verify", signed, "--cert", SampleCerts.CertificatePath("hub-signing"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("VS2"));
    }

    [Test]
    public void Verify_AfterValidUntil_ExitsFailureWithTheExpiredCode()
    {
        var signed = SignToFile(validUntil: null, "--valid-for", "2");
        _clock.Advance(TimeSpan.FromDays(3));

        var run = Run("verify", signed, "--cert", SampleCerts.CertificatePath("metadata-signing"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("VS7001 MetadataExpired"));
    }

    [Test]
    public void Sign_KeepsAnExistingValidUntil_UnlessValidForIsGiven()
    {
        var existing = _clock.GetUtcNow().AddDays(40);
        var kept = SignToFile(existing);
        var replaced = SignToFile(existing, "--valid-for", "1");

        Assert.Multiple(() =>
        {
            Assert.That(ValidUntil(kept), Is.EqualTo(existing).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(ValidUntil(replaced), Is.EqualTo(_clock.GetUtcNow().AddDays(1)).Within(TimeSpan.FromMilliseconds(1)));
        });
    }

    [Test]
    public void Sign_RefusesMetadataTheStrictReaderRefuses()
    {
        var file = Write("bad.xml", Unsigned(null).Replace("https://rp.test/saml/acs", "http://rp.test/saml/acs", StringComparison.Ordinal));

        var run = Run("sign", file, "--key", SampleCerts.KeyPath("metadata-signing"), "--cert", SampleCerts.CertificatePath("metadata-signing"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("VS7005"));
    }

    [Test]
    public void Verify_WithBothCertAndRoot_IsAUsageError()
    {
        var run = Run("verify", "x.xml", "--cert", SampleCerts.CertificatePath("metadata-signing"), "--root", SampleCerts.CertificatePath("root-ca"), "--ca", SampleCerts.CertificatePath("metadata-ca"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void Sign_WithoutOut_WritesTheSignedXmlToStandardOutput()
    {
        var file = Write("federation.xml", Unsigned(null));

        var run = Run("sign", file, "--key", SampleCerts.KeyPath("metadata-signing"), "--cert", SampleCerts.CertificatePath("metadata-signing"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.StartWith("<md:EntitiesDescriptor").And.Contain("<ds:Signature"));
    }

    private string SignToFile(DateTimeOffset? validUntil, params string[] extra) => SignToFile(validUntil, "metadata-signing", extra);

    private string SignToFileAs(string signer) => SignToFile(null, signer, []);

    private string SignToFile(DateTimeOffset? validUntil, string signer, string[] extra)
    {
        var file = Write("federation.xml", Unsigned(validUntil));
        var output = Path.Combine(_folder, "signed-" + Guid.NewGuid().ToString("N") + ".xml");
        var run = Run(["sign", file, "--key", SampleCerts.KeyPath(signer), "--cert", SampleCerts.CertificatePath(signer), "--out", output, .. extra]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        return output;
    }

    private static string Unsigned(DateTimeOffset? validUntil) => MetadataWriter.Write(new EntitiesDescriptor
    {
        ValidUntil = validUntil,
        Members =
        [
            new EntityDescriptor
            {
                EntityId = IdpEntityId,
                Roles = [new IdpSsoDescriptor { KeyDescriptors = [Key("stub-idp-signing")], SingleSignOnServices = [new Endpoint { Binding = SamlBindings.HttpPost, Location = "https://idp.test/saml/sso" }] }],
            },
            new EntityDescriptor
            {
                EntityId = RpEntityId,
                Roles = [new SpSsoDescriptor { KeyDescriptors = [Key("test-rp-signing")], AssertionConsumerServices = [new IndexedEndpoint { Binding = SamlBindings.HttpPost, Location = "https://rp.test/saml/acs", Index = 0 }] }],
            },
        ],
    }).OuterXml;

    private static KeyDescriptor Key(string stem) => new() { Use = KeyUse.Signing, Certificates = [SampleCerts.Certificate(stem)] };

    private static DateTimeOffset? ValidUntil(string file) =>
        MetadataReader.Default.Read(SecureXml.Load(File.ReadAllBytes(file), SecureXmlOptions.Metadata)).ValidUntil;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = new MetadataCommand(_clock).Create();
        var exitCode = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
