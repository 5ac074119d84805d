using System.Text;

using Verify.Cli.Tests.Support;
using Verify.Saml.Metadata;

using static Verify.Cli.Tests.Support.FederationFixtures;

namespace Verify.Cli.Tests.Commands;

/// <summary><c>verify rp</c>, <c>verify idp</c> and <c>verify federation</c> against a SQLite store in a temporary folder.</summary>
public sealed class FederationCommandTests
{
    private string _folder = "";

    private string Connection => $"Data Source={Path.Combine(_folder, "federation.db")}";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-cli-federation-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void RpAdd_RegistersTheRp_AndRpListShowsIt()
    {
        var add = Run("rp", "add", "--metadata", Write("rp.xml", Rp()), "--loa", "LEVEL_2", "--loa", "LEVEL_1", "--name", "Test service", "--name-cy", "Gwasanaeth prawf", "--homepage", "https://rp.test/");
        var list = Run("rp", "list");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Error);
            Assert.That(add.Output, Does.Contain($"Added relying party {RpId} (LEVEL_1,LEVEL_2, pinned trust)"));
            Assert.That(list.ExitCode, Is.Zero, list.Error);
            Assert.That(list.Output, Does.Contain(RpId).And.Contain("Test service / Gwasanaeth prawf").And.Contain("acs [0]: https://rp.test/saml/acs (default)"));
            Assert.That(list.Output, Does.Contain("1 relying party."));
        });
    }

    [Test]
    public void RpAdd_TheSameAgain_ChangesNothing()
    {
        var metadata = Write("rp.xml", Rp());
        Run("rp", "add", "--metadata", metadata, "--loa", "LEVEL_2");

        var again = Run("rp", "add", "--metadata", metadata, "--loa", "LEVEL_2");

        Assert.That(again.Output, Does.StartWith("Unchanged"));
    }

    [Test]
    public void RpAdd_MetadataWithoutAnEncryptionKey_IsRefused_AndNothingIsWritten()
    {
        var rp = Rp();
        var signingOnly = rp with { Roles = [rp.SpSsoDescriptor! with { KeyDescriptors = [Key(KeyUse.Signing, "test-rp-signing")] }] };

        var add = Run("rp", "add", "--metadata", Write("rp.xml", signingOnly), "--loa", "LEVEL_2");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(add.Error, Does.Contain("no encryption certificate").And.Contain("Add an md:KeyDescriptor"));
            Assert.That(File.Exists(Path.Combine(_folder, "federation.db")), Is.False, "refused before the store was opened");
        });
    }

    [TestCase("LEVEL_X", "it marks a fraud response")]
    [TestCase("LEVEL_9", "'LEVEL_9' is not a level of assurance")]
    public void RpAdd_ANonLevel_IsRefused(string level, string expected)
    {
        var add = Run("rp", "add", "--metadata", Write("rp.xml", Rp()), "--loa", level);

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(add.Error, Does.Contain(expected));
        });
    }

    [TestCase("rp add --loa LEVEL_2", "--metadata FILE is required")]
    [TestCase("rp add --metadata {rp}", "give at least one level of assurance")]
    [TestCase("rp add --metadata {rp} --loa LEVEL_2 --trust sometimes", "use --trust pinned or --trust pkix")]
    [TestCase("rp add --metadata {rp} --loa LEVEL_2 --name-cy Enw", "--name-cy needs --name")]
    [TestCase("rp add --metadata {folder}/none.xml --loa LEVEL_2", "does not exist")]
    [TestCase("idp add --metadata {rp} --loa LEVEL_2 --sign-in-until soon", "--sign-in-until 'soon' is not a date and time")]
    [TestCase("rp list --provider oracle", "use --provider sqlite or --provider postgres")]
    public void UsageErrors_ExitWith2_AndSayWhatToType(string commandLine, string expected)
    {
        var rp = Write("rp.xml", Rp());
        var args = commandLine.Replace("{rp}", rp, StringComparison.Ordinal).Replace("{folder}", _folder, StringComparison.Ordinal).Split(' ');

        var run = Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
            Assert.That(run.Error, Does.Contain(expected));
        });
    }

    [Test]
    public void RpRemove_RemovesIt_AndASecondRemoveFails()
    {
        Run("rp", "add", "--metadata", Write("rp.xml", Rp()), "--loa", "LEVEL_2");

        var remove = Run("rp", "remove", RpId);
        var again = Run("rp", "remove", RpId);

        Assert.Multiple(() =>
        {
            Assert.That(remove.ExitCode, Is.Zero, remove.Error);
            Assert.That(remove.Output, Does.Contain($"Removed relying party {RpId}"));
            Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(again.Error, Does.Contain("'verify rp list' shows those that are"));
            Assert.That(Run("rp", "list").Output, Does.Contain("0 relying parties."));
        });
    }

    [Test]
    public void IdpAdd_RegistersItWithPkixTrust_AndDisableShowsInTheList()
    {
        var add = Run("idp", "add", "--metadata", Write("idp.xml", Idp()), "--loa", "LEVEL_1", "--loa", "LEVEL_2", "--name", "Stub IDP", "--order", "3", "--only-for", RpId);
        var disable = Run("idp", "disable", IdpId);
        var list = Run("idp", "list");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Error);
            Assert.That(add.Output, Does.Contain($"Added identity provider {IdpId} (LEVEL_1,LEVEL_2, pkix trust, single sign-on https://idp.test/sso)"));
            Assert.That(disable.ExitCode, Is.Zero, disable.Error);
            Assert.That(list.Output, Does.Contain("[disabled]").And.Contain("order: 3").And.Contain($"only for: {RpId}"));
        });
    }

    [Test]
    public void IdpAdd_AnRpsMetadata_IsRefused()
    {
        var add = Run("idp", "add", "--metadata", Write("rp.xml", Rp()), "--loa", "LEVEL_2");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(add.Error, Does.Contain("no md:IDPSSODescriptor").And.Contain("register it as a relying party instead"));
        });
    }

    private CliRun Run(params string[] args) =>
        CliRun.InProcess(args.Contains("--provider") ? args : [.. args, "--provider", "sqlite", "--connection", Connection]);

    private string Write(string name, EntityDescriptor metadata)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, MetadataWriter.Write(metadata).OuterXml, new UTF8Encoding(false));
        return path;
    }
}
