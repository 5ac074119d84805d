using System.Text;

using Verify.Cli.Tests.Support;
using Verify.Saml.Metadata;

using static Verify.Cli.Tests.Support.FederationFixtures;

namespace Verify.Cli.Tests.Commands;

/// <summary><c>verify rp add</c> with a matching service (ADR 0018), against a SQLite store in a temporary folder.</summary>
public sealed class RpMatchingCommandTests
{
    private string _folder = "";

    private string Connection => $"Data Source={Path.Combine(_folder, "federation.db")}";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-cli-rp-matching-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void RpAdd_WithAMatchingService_RegistersIt_AndRpListShowsIt()
    {
        var add = Run(
            "rp", "add", "--metadata", Write("rp.xml", Rp()), "--loa", "LEVEL_2",
            "--matching-service-metadata", Write("ms.xml", MatchingServiceMetadata()), "--account-creation-url", "https://ms.test/SAML2/SOAP/AccountCreation",
            "--cycle3-attribute", "NationalInsuranceNumber", "--account-creation-attribute", "firstname", "--account-creation-attribute", "surname", "--end-to-end");
        var list = Run("rp", "list");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Error);
            Assert.That(add.Output, Does.Contain($"Matching service {MatchingServiceId} at https://ms.test/SAML2/SOAP/AttributeQuery (pkix trust); end-to-end."));
            Assert.That(list.ExitCode, Is.Zero, list.Error);
            Assert.That(list.Output, Does.Contain($"matching service: {MatchingServiceId}  trust: pkix  end-to-end"));
            Assert.That(list.Output, Does.Contain("account creation: https://ms.test/SAML2/SOAP/AccountCreation (firstname, surname)"));
            Assert.That(list.Output, Does.Contain("cycle 3: NationalInsuranceNumber"));
        });
    }

    [Test]
    public void RpAdd_WithOnlyAMatchingServiceEntityId_StillWorks_AndSaysTheHubDoesNotMatch()
    {
        var add = Run("rp", "add", "--metadata", Write("rp.xml", Rp()), "--loa", "LEVEL_2", "--matching-service", "https://ms.test/saml");
        var list = Run("rp", "list");

        Assert.That(add.ExitCode, Is.Zero, add.Error);
        Assert.That(list.Output, Does.Contain("matching service: https://ms.test/saml (no metadata registered: the hub does not match)"));
    }

    [TestCase("--cycle3-attribute NationalInsuranceNumber", 3, "but no matching service")]
    [TestCase("--end-to-end", 3, "end-to-end mode")]
    [TestCase("--account-creation-url https://ms.test/create", 2, "need --matching-service-metadata FILE")]
    [TestCase("--matching-service-metadata {ms} --cycle3-attribute Shoesize", 3, "not a cycle 3 attribute")]
    [TestCase("--matching-service-metadata {ms} --account-creation-attribute firstname", 3, "no account-creation URL")]
    [TestCase("--matching-service-metadata {ms} --matching-service-trust sometimes", 2, "use --matching-service-trust pinned or --matching-service-trust pkix")]
    public void RpAdd_RefusesMatchingSettingsThatBreakARule(string options, int exitCode, string expected)
    {
        var ms = Write("ms.xml", MatchingServiceMetadata());
        string[] args = ["rp", "add", "--metadata", Write("rp.xml", Rp()), "--loa", "LEVEL_2", .. options.Replace("{ms}", ms, StringComparison.Ordinal).Split(' ')];

        var add = Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.EqualTo(exitCode), add.Output + add.Error);
            Assert.That(add.Error, Does.Contain(expected));
        });
    }

    private CliRun Run(params string[] args) => CliRun.InProcess([.. args, "--provider", "sqlite", "--connection", Connection]);

    private string Write(string name, EntityDescriptor metadata)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, MetadataWriter.Write(metadata).OuterXml, new UTF8Encoding(false));
        return path;
    }
}
