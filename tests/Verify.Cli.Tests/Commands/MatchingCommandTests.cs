using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests.Commands;

/// <summary><c>verify matching import</c> into a SQLite file, as a department would in development.</summary>
public sealed class MatchingCommandTests
{
    private const string Good = """
        {"recordId":"A-000123","firstName":"Margaret","surname":"Smith-Jones","dateOfBirth":"1982-02-05","gender":"FEMALE","addresses":[{"lines":["14 High Street","Leeds"],"postcode":"LS1 4AB","from":"2015-04-01"}],"identifiers":{"NationalInsuranceNumber":"CE 65 43 21 A"}}
        {"recordId":"A-000124","firstName":"Robert","surname":"Smith","dateOfBirth":"1980-10-03","addresses":[{"lines":["14 High Street","Leeds"],"postcode":"LS1 4AB"}]}
        """;

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-cli-matching-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Import_AGoodFile_ImportsEveryRecord()
    {
        var run = Import(Good);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output, Does.Contain("Imported 2 record(s)"));
        });
    }

    [Test]
    public void Import_ABadLine_ReportsItsLineNumber_AndImportsNothing()
    {
        var run = Import(Good + "\n{\"recordId\":\"A-000125\",\"firstName\":\"NoDateOfBirth\",\"surname\":\"X\"}");
        var again = Import(Good);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain("3").And.Contain("nothing was imported"));
            Assert.That(again.ExitCode, Is.Zero, "the good records must not have been half-imported by the refused run: " + again.Error);
        });
    }

    [Test]
    public void Import_AnUnknownProvider_IsRefusedBeforeAnythingIsWritten()
    {
        var file = Path.Combine(_folder, "records.jsonl");
        File.WriteAllText(file, Good);

        var run = CliRun.InProcess("matching", "import", file, "--provider", "oracle");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Not.Zero);
            Assert.That(run.Error, Does.Contain("oracle"));
            Assert.That(Directory.GetFiles(_folder, "*.db"), Is.Empty);
        });
    }

    private CliRun Import(string records)
    {
        var file = Path.Combine(_folder, "records.jsonl");
        File.WriteAllText(file, records);
        return CliRun.InProcess("matching", "import", file, "--provider", "sqlite", "--connection", $"Data Source={Path.Combine(_folder, "records.db")}");
    }
}
