using System.Text;

using Verify.Matching.Import;
using Verify.Matching.Storage;
using Verify.Matching.Tests.Support;
using Verify.Testing;

namespace Verify.Matching.Tests.Import;

/// <summary>The JSON Lines importer, all or nothing, on every provider.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RecordImporterTests(MatchingProvider provider) : StoreTestBase(provider)
{
    private const string Robert = """{"recordId":"R-1","firstName":"Robert","middleNames":"James","surname":"Smith","dateOfBirth":"1980-10-03","gender":"MALE","addresses":[{"lines":["14 High Street","Leeds"],"postcode":"LS1 4AB","from":"2015-04-01"}],"identifiers":{"NationalInsuranceNumber":"AB 12 34 56 C"}}""";
    private const string Margaret = """{"recordId":"R-2","firstName":"Margaret","surname":"Smith-Jones","previousSurnames":["Ó Súilleabháin"],"dateOfBirth":"1982-02-05","addresses":[{"lines":["14 High Street","Leeds"],"postcode":"ls14ab"}]}""";
    private const string Aoife = """{"recordId":"R-3","firstName":"Aoife","surname":"Byrne","dateOfBirth":"1990-06-15","addresses":[{"lines":["3 Quay Street"],"postcode":"CF10 1EU","to":"2020-01-01"}],"identifiers":{"DrivingLicenceNumber":"BYRNE906150A99XY"}}""";

    private static readonly long[] BadLines = [2, 4, 5, 6, 7, 8, 9];
    private static readonly ImportPhase[] BothPhases = [ImportPhase.Validating, ImportPhase.Writing];

    private RecordImporter NewImporter() => new(Database, Options, Clock);

    private static Func<Stream> File(params string[] lines) => () => new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines)));

    [Test]
    public async Task GoodFile_ImportsEveryRecord_AndTheyMatch()
    {
        var result = await NewImporter().ImportAsync(File(Robert, "", Margaret, Aoife + "\r"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
            Assert.That(result.RecordsImported, Is.EqualTo(3));
            Assert.That(result.LinesRead, Is.EqualTo(4));
        });
        var match = await NewEngine().MatchAsync((Identity.Of(People.Margaret) with { FirstName = "Peggy" }).Cycle1());
        Assert.That(match.RecordId, Is.EqualTo("R-2"));
    }

    [Test]
    public async Task BadFile_WritesNothing_AndReportsEachBadLineByNumber()
    {
        var result = await NewImporter().ImportAsync(File(
            Robert,
            "{not json",
            Margaret,
            """{"recordId":"R-4","firstName":"Ann","dateOfBirth":"1970-01-01"}""",
            """{"recordId":"R-5","firstName":"Ann","surname":"Lee","dateOfBirth":"1970-01-01","addresses":[{"lines":["1 A Road"],"postcode":"NOT A POSTCODE"}]}""",
            Robert,
            """{"recordId":"R-7","firstName":"Ann","surname":"Lee","dateOfBirth":"2030-01-01"}""",
            """{"recordId":"R-8","firstName":"Ann","surname":"Lee","dateOfBirth":"1970-01-01","identifiers":{"NationalInsuranceNumber":"QQ123456C"}}""",
            """{"recordId":"R-9","firstName":"Ann","surname":"Lee","dateOfBirth":"1970-01-01","nickname":"Annie"}"""));

        var stored = await Store.CountRecordsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.RecordsImported, Is.Zero);
            Assert.That(result.Errors.Select(e => e.LineNumber), Is.EqualTo(BadLines));
            Assert.That(result.Errors[3].Message, Does.Contain("earlier line"));
            Assert.That(stored, Is.Zero);
        });
    }

    [Test]
    public async Task RecordIdAlreadyInTheStore_IsReportedAndNothingIsWritten()
    {
        await NewImporter().ImportAsync(File(Robert));

        var result = await NewImporter().ImportAsync(File(Margaret, Robert));
        var stored = await Store.CountRecordsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors.Single().ToString(), Is.EqualTo("line 2: recordId: a record with this ID is already in the store"));
            Assert.That(stored, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task OverlongLine_IsReportedWithoutReadingItWhole()
    {
        var result = await NewImporter().ImportAsync(File(Robert, new string(' ', RecordImporter.MaxLineLength) + "{}"));

        Assert.That(result.Errors.Single().ToString(), Does.StartWith("line 2: longer than"));
    }

    [Test]
    public async Task Progress_IsReportedForBothPasses()
    {
        var reports = new List<ImportProgress>();

        await NewImporter().ImportAsync(File(Robert, Margaret), new SynchronousProgress(reports.Add));

        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(r => r.Phase).Distinct(), Is.EqualTo(BothPhases));
            Assert.That(reports[^1].RecordsWritten, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ReadmeExample_Imports()
    {
        var readme = await System.IO.File.ReadAllTextAsync(RepoPaths.Combine("src", "Verify.Matching", "README.md"));
        var example = readme.Split("```json\n")[1].Split("```")[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var result = await NewImporter().ImportAsync(File(example));

        Assert.That(result.RecordsImported, Is.EqualTo(2), string.Join("\n", result.Errors));
    }

    [Test]
    public async Task FileFromDisk_IsImported()
    {
        var path = Path.GetTempFileName();
        try
        {
            await System.IO.File.WriteAllLinesAsync(path, [Robert, Margaret]);

            Assert.That((await NewImporter().ImportAsync(path)).RecordsImported, Is.EqualTo(2));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
