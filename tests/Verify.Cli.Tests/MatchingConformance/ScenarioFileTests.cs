using System.Text.Json.Nodes;

using Verify.Cli.MatchingConformance;
using Verify.Cli.Tests.MatchingConformance.Support;
using Verify.Cli.Tests.Support;
using Verify.Testing;

namespace Verify.Cli.Tests.MatchingConformance;

/// <summary>
/// The scenario files: the built-in set covers what issue 6 asks for and ships with the records it expects; a folder of
/// <c>.json</c> and <c>.jsonl</c> files replaces it; a broken file is reported by file, line and field, and nothing is
/// sent; the command line is checked first.
/// </summary>
public sealed class ScenarioFileTests
{
    private const string GoodLine =
        """{"name": "good", "description": "A good scenario.", "steps": [{"request": "match", "matchingDataset": {"firstName": {"value": "Eleanor", "verified": true}, "surnames": [{"value": "Whitfield", "verified": true}], "dateOfBirth": {"value": "1975-03-14", "verified": true}}, "expect": "match", "record": "CONF-0001"}]}""";

    private static readonly string[] IssueCategories =
    [
        "minimum-dataset", "required-fields-only", "extended-dataset", "unverified-values", "welsh-name", "irish-name",
        "apostrophes-and-hyphens", "non-latin-script", "cycle3-nino-corroborated", "cycle3-nino-household-member",
        "cycle3-driving-licence-corroborated", "cycle3-driving-licence-son", "duplicate-records", "day-month-swapped", "account-creation",
    ];

    private static readonly string[] Cycle3Identifiers = ["NationalInsuranceNumber", "DrivingLicenceNumber"];
    private static readonly string[] Levels = ["LEVEL_1", "LEVEL_2"];
    private static readonly string[] FolderOrder = ["a", "b-one", "b-two"];
    private static readonly string[] NameClash = ["name \"twice\" is used by a.json and b.jsonl line 1"];

    private ConformanceFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = ConformanceFolder.Create();

    [TearDown]
    public void RemoveFolder() => _folder.Dispose();

    [Test]
    public void BuiltInScenarios_AreValid_AndCoverWhatTheIssueAsksFor()
    {
        var set = ScenarioLoader.BuiltIn();
        var steps = set.Scenarios.SelectMany(s => s.Steps).ToList();
        var datasets = steps.Select(s => s.MatchingDataset).OfType<Verify.Matching.Requests.MatchingDataset>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(set.Problems, Is.Empty);
            Assert.That(set.Scenarios.Select(s => s.Name), Is.SupersetOf(IssueCategories));
            Assert.That(datasets, Has.Some.Matches<Verify.Matching.Requests.MatchingDataset>(d =>
                d.MiddleNames is not null && d.Gender is not null && d.Surnames!.Count > 1 && d.Addresses!.Count(a => a.To is not null) >= 2), "extended dataset");
            Assert.That(datasets, Has.Some.Matches<Verify.Matching.Requests.MatchingDataset>(d => d.Addresses?.Any(a => !a.Verified) == true), "unverified values");
            Assert.That(datasets, Has.Some.Matches<Verify.Matching.Requests.MatchingDataset>(d => d.FirstName!.NonLatinScriptValue is not null), "non-Latin script");
            Assert.That(steps.Where(s => s.Cycle3Dataset is not null).SelectMany(s => s.Cycle3Dataset!.Attributes!.Keys).Distinct(),
                Is.EquivalentTo(Cycle3Identifiers));
            Assert.That(steps.Select(s => s.Expect).Distinct(), Is.EquivalentTo(Enum.GetValues<Expectation>().Except([Expectation.Failure])));
            Assert.That(steps.Select(s => s.LevelOfAssurance).Distinct(), Is.EquivalentTo(Levels));
        });
    }

    [Test]
    public void ShippedFiles_AreTheFilesInTheRepository()
    {
        var folder = RepoPaths.Combine("src", "Verify.Cli", "MatchingConformance");

        Assert.Multiple(() =>
        {
            Assert.That(BuiltInFiles.Records(), Is.EqualTo(File.ReadAllText(Path.Combine(folder, "conformance-records.jsonl"))));
            Assert.That(BuiltInFiles.Readme(), Is.EqualTo(File.ReadAllText(Path.Combine(folder, "README.md"))));
            Assert.That(BuiltInFiles.Scenarios().Select(s => s.Name), Is.EqualTo(Directory.GetFiles(Path.Combine(folder, "Scenarios"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)));
        });
    }

    [Test]
    public void Export_WritesReadmeRecordsAndScenarios_AndReplacesNothingWithoutForce()
    {
        var target = _folder.File("export");

        var first = CliRun.InProcess("matching", "conformance", "export", target);
        var again = CliRun.InProcess("matching", "conformance", "export", target);
        var forced = CliRun.InProcess("matching", "conformance", "export", target, "--force");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Error);
            Assert.That(File.ReadAllText(Path.Combine(target, "conformance-records.jsonl")), Is.EqualTo(BuiltInFiles.Records()));
            Assert.That(File.Exists(Path.Combine(target, "README.md")));
            Assert.That(ScenarioLoader.FromFolder(new DirectoryInfo(Path.Combine(target, "scenarios"))).Scenarios.Select(s => s.Name),
                Is.EqualTo(ScenarioLoader.BuiltIn().Scenarios.Select(s => s.Name)), "the export reads back as the built-in set");
            Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(again.Error, Does.Contain("nothing was written; use --force"));
            Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Success));
        });
    }

    [Test]
    public void ScenariosFolder_ReadsJsonAndJsonLinesFiles_InFileNameOrder_AndNothingElse()
    {
        var folder = Directory.CreateDirectory(_folder.File("scenarios"));
        File.WriteAllText(Path.Combine(folder.FullName, "b-more.jsonl"), Named("b-one") + "\n\n" + Named("b-two") + "\n");
        File.WriteAllText(Path.Combine(folder.FullName, "a-first.json"), Named("a"));
        File.WriteAllText(Path.Combine(folder.FullName, "notes.txt"), "not a scenario");

        var set = ScenarioLoader.FromFolder(folder);

        Assert.Multiple(() =>
        {
            Assert.That(set.Problems, Is.Empty);
            Assert.That(set.Scenarios.Select(s => s.Name), Is.EqualTo(FolderOrder));
            Assert.That(set.Scenarios[2].Source, Is.EqualTo("b-more.jsonl line 3"));
        });
    }

    /// <summary>Break one thing in a good scenario (line 2 of a JSON Lines file): the problem names the line and field, and nothing is sent.</summary>
    [TestCase("name", null, "name: required")]
    [TestCase("description", null, "description: required")]
    [TestCase("tags", "[]", "tags: not a field of the scenario format")]
    [TestCase("steps[0].expect", "\"maybe\"", "steps[0].expect: one of match, no-match, any")]
    [TestCase("steps[0].request", "\"lookup\"", "steps[0].request: \"match\" or \"account-creation\"")]
    [TestCase("steps[0].levelOfAssurance", "\"LEVEL_X\"", "steps[0].levelOfAssurance: one of LEVEL_1")]
    [TestCase("steps[0].matchId", "\"m-1\"", "steps[0].matchId: leave it out; the tool fills it in")]
    [TestCase("steps[0].hashedPid", "\"abc\"", "steps[0].hashedPid: leave it out")]
    [TestCase("steps[0].matchingDataset.dateOfBirth", null, "steps[0].matchingDataset.dateOfBirth: required")]
    [TestCase("steps[0].matchingDataset.surnames", "[]", "steps[0].matchingDataset.surnames: at least one")]
    [TestCase("steps[0].matchingDataset.fristName", "{\"value\": \"x\"}", "not a scenario: ")]
    [TestCase("steps[0].cycle3Dataset", "{\"attributes\": {}}", "steps[0].cycle3Dataset.attributes: at least one")]
    [TestCase("steps[0].expect", "\"no-match\"", "steps[0].record: only with \"expect\": \"match\"")]
    [TestCase("steps[0].request", "\"account-creation\"", "steps[0]: an account creation request carries no dataset")]
    [TestCase("steps", "[{\"request\": \"account-creation\", \"expect\": \"success\"}]", "steps[0]: account creation follows a match request")]
    [TestCase("steps", "[]", "steps: 1 to 10 steps")]
    public async Task BrokenScenario_IsReportedByLineAndField_AndNothingIsSent(string field, string? value, string problem)
    {
        await using var fake = await FakeLocalMatchingService.AnsweringAsync("""{"result":"match"}""");
        var broken = JsonNode.Parse(GoodLine)!.AsObject();
        Set(broken, field, value);
        var folder = Directory.CreateDirectory(_folder.File("scenarios"));
        File.WriteAllText(Path.Combine(folder.FullName, "set.jsonl"), Named("fine") + "\n" + broken.ToJsonString() + "\n");

        var run = CliRun.InProcess("matching", "conformance", "--url", fake.MatchUrl.AbsoluteUri, "--scenarios", folder.FullName);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(run.Error, Does.Contain("set.jsonl line 2: " + problem));
            Assert.That(run.Error, Does.Not.Contain("line 1:"));
            Assert.That(run.Error, Does.Contain("nothing was sent"));
            Assert.That(fake.Requests, Is.Zero);
        });
    }

    [Test]
    public void TheSameNameTwice_IsAProblem()
    {
        var folder = Directory.CreateDirectory(_folder.File("scenarios"));
        File.WriteAllText(Path.Combine(folder.FullName, "a.json"), Named("twice"));
        File.WriteAllText(Path.Combine(folder.FullName, "b.jsonl"), Named("twice"));

        var set = ScenarioLoader.FromFolder(folder);

        Assert.That(set.Problems, Is.EqualTo(NameClash));
    }

    [Test]
    public void AnEmptyOrMissingFolder_IsAProblem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ScenarioLoader.FromFolder(Directory.CreateDirectory(_folder.File("empty"))).Problems, Has.One.Contains("no scenario found"));
            Assert.That(ScenarioLoader.FromFolder(new DirectoryInfo(_folder.File("missing"))).Problems, Has.One.Contains("no such folder"));
        });
    }

    [TestCase(new string[0], "--url is required")]
    [TestCase(new[] { "--url", "ftp://dept.test/match" }, "--url must be an absolute http or https URL")]
    [TestCase(new[] { "--url", "https://dept.test/match", "--account-creation-url", "account-creation" }, "--account-creation-url must be an absolute")]
    [TestCase(new[] { "--url", "https://dept.test/match", "--timeout", "0" }, "--timeout must be between 1 and 55 seconds")]
    [TestCase(new[] { "--url", "https://dept.test/match", "--timeout", "60" }, "--timeout must be between 1 and 55 seconds")]
    [TestCase(new[] { "--url", "https://dept.test/match", "--client-key", "key.pem" }, "--client-cert and --client-key go together")]
    [TestCase(new[] { "--url", "https://dept.test/match", "--ca-cert", "/no/such/ca.pem" }, "--ca-cert: '/no/such/ca.pem' does not exist")]
    [TestCase(new[] { "--url", "https://dept.test/match", "--report", "report.txt" }, "--report must name a .json or a .md file")]
    public void CommandLineProblems_AreUsageErrors(string[] options, string problem)
    {
        var run = CliRun.InProcess(["matching", "conformance", .. options]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(run.Error, Does.Contain(problem));
            Assert.That(run.Output, Is.Empty);
        });
    }

    private static string Named(string name) => GoodLine.Replace("\"good\"", $"\"{name}\"", StringComparison.Ordinal);

    /// <summary>Sets (or, with a null value, removes) the field at a dotted path such as <c>steps[0].matchingDataset.dateOfBirth</c>.</summary>
    private static void Set(JsonObject root, string path, string? value)
    {
        JsonNode node = root;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = part.EndsWith(']') ? node[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }

        var target = node.AsObject();
        var last = parts[^1];
        target.Remove(last);
        if (value is not null)
        {
            target[last] = JsonNode.Parse(value);
        }
    }
}
