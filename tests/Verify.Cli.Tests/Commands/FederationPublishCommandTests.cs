using System.Text;

using Verify.Cli.Tests.Support;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Testing;

using static Verify.Cli.Tests.Support.FederationFixtures;

namespace Verify.Cli.Tests.Commands;

/// <summary><c>verify federation import</c> and <c>verify federation publish</c>, end to end through the CLI.</summary>
public sealed class FederationPublishCommandTests
{
    private string _folder = "";

    private string Connection => $"Data Source={Path.Combine(_folder, "federation.db")}";

    [SetUp]
    public void CreateFolder()
    {
        Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-cli-publish-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(Path.Combine(_folder, "config", "metadata"));
        Write("config/metadata/rp.xml", Rp());
        Write("config/metadata/idp.xml", Idp());
        Write("hub.xml", Hub());
    }

    [TearDown]
    public void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Import_ThenPublish_GivesMetadataThatMetadataVerifyAccepts()
    {
        Config("""{ "relyingParties": [ { "metadata": "metadata/rp.xml", "levels": ["LEVEL_2"] } ], "identityProviders": [ { "metadata": "metadata/idp.xml", "levels": ["LEVEL_2"] } ] }""");
        var signed = Path.Combine(_folder, "federation-signed.xml");

        var import = Run("federation", "import", Path.Combine(_folder, "config"));
        var publish = Run("federation", "publish", "--key", SampleCerts.KeyPath("metadata-signing"), "--cert", SampleCerts.CertificatePath("metadata-signing"), "--hub-metadata", Path.Combine(_folder, "hub.xml"), "--valid-for", "2d", "--out", signed);
        var verify = CliRun.InProcess("metadata", "verify", signed, "--cert", SampleCerts.CertificatePath("metadata-signing"));

        Assert.Multiple(() =>
        {
            Assert.That(import.ExitCode, Is.Zero, import.Error);
            Assert.That(import.Output, Does.Contain("Imported 2 parties (2 changed)"));
            Assert.That(publish.ExitCode, Is.Zero, publish.Error);
            Assert.That(publish.Output, Does.Contain("the hub and 1 identity provider(s)"));
            Assert.That(verify.ExitCode, Is.Zero, verify.Error);
            Assert.That(verify.Output, Does.Contain("https://hub.test/SAML2/metadata").And.Contain("https://idp.test/saml").And.Not.Contain("https://rp.test/saml"));
        });
    }

    [Test]
    public void Import_WithABadEntry_IsRefused_AndImportsNothing()
    {
        Config("""{ "relyingParties": [ { "metadata": "metadata/rp.xml", "levels": ["LEVEL_2"] } ], "identityProviders": [ { "metadata": "metadata/idp.xml", "levels": ["LEVEL_X"] } ] }""");

        var import = Run("federation", "import", Path.Combine(_folder, "config"));
        var list = Run("rp", "list");

        Assert.Multiple(() =>
        {
            Assert.That(import.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(import.Error, Does.Contain("federation.json identityProviders[0] (metadata/idp.xml): LEVEL_X").And.Contain("nothing was imported"));
            Assert.That(list.Output, Does.Contain("0 relying parties."));
        });
    }

    [Test]
    public void Import_DryRun_ChecksEverything_AndWritesNothing()
    {
        Config("""{ "relyingParties": [ { "metadata": "metadata/rp.xml", "levels": ["LEVEL_2"] } ] }""");

        var import = Run("federation", "import", Path.Combine(_folder, "config"), "--dry-run");

        Assert.Multiple(() =>
        {
            Assert.That(import.ExitCode, Is.Zero, import.Error);
            Assert.That(import.Output, Does.Contain("1 party checked; no problem found"));
            Assert.That(File.Exists(Path.Combine(_folder, "federation.db")), Is.False);
        });
    }

    [Test]
    public void Publish_WithAHubKey_IsRefused()
    {
        var publish = Run("federation", "publish", "--key", SampleCerts.KeyPath("hub-signing"), "--cert", SampleCerts.CertificatePath("hub-signing"), "--hub-metadata", Path.Combine(_folder, "hub.xml"));

        Assert.Multiple(() =>
        {
            Assert.That(publish.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(publish.Error, Does.Contain("one of the hub's own keys"));
        });
    }

    [TestCase("0d")]
    [TestCase("400d")]
    [TestCase("soon")]
    public void Publish_ABadValidity_IsAUsageError(string validFor)
    {
        var publish = Run("federation", "publish", "--key", SampleCerts.KeyPath("metadata-signing"), "--cert", SampleCerts.CertificatePath("metadata-signing"), "--hub-metadata", Path.Combine(_folder, "hub.xml"), "--valid-for", validFor);

        Assert.That(publish.ExitCode, Is.EqualTo(ExitCodes.Usage), publish.Error);
    }

    private static EntityDescriptor Hub() => new()
    {
        EntityId = "https://hub.test/SAML2/metadata",
        Roles =
        [
            new SpSsoDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "hub-signing"), Key(KeyUse.Encryption, "hub-encryption")],
                AssertionConsumerServices = [new IndexedEndpoint { Binding = SamlBindings.HttpPost, Location = "https://hub.test/SAML2/SSO/Response/POST", Index = 1 }],
            },
        ],
    };

    private CliRun Run(params string[] args) => CliRun.InProcess([.. args, "--provider", "sqlite", "--connection", Connection]);

    private void Config(string json) => File.WriteAllText(Path.Combine(_folder, "config", "federation.json"), json, new UTF8Encoding(false));

    private void Write(string name, EntityDescriptor metadata) =>
        File.WriteAllText(Path.Combine(_folder, name), MetadataWriter.Write(metadata).OuterXml, new UTF8Encoding(false));
}
