using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Http;

using Verify.Cli.Tests.MatchingConformance.Support;
using Verify.Cli.Tests.Support;
using Verify.Matching.Requests;
using Verify.MatchingService.Errors;
using Verify.MatchingService.Matching.Http;

namespace Verify.Cli.Tests.MatchingConformance;

/// <summary>
/// Deliberately wrong local matching services: the tool reports each fault as the failure it is — a wrong answer, a
/// timeout, malformed JSON, the wrong content type — names it, exits 1, and never crashes.
/// </summary>
public sealed class WrongEndpointConformanceTests
{
    private const string MatchAnything = """
        {"name": "match-anything", "description": "Expects either answer.", "steps": [{"request": "match",
         "matchingDataset": {"firstName": {"value": "Eleanor", "verified": true}, "surnames": [{"value": "Whitfield", "verified": true}],
                             "dateOfBirth": {"value": "1975-03-14", "verified": true}}, "expect": "any"}]}
        """;

    private static readonly string[] ScenariosExpectingANoMatch =
    [
        "namesakes-required-fields-only", "cycle3-nino-corroborated", "cycle3-nino-household-member", "cycle3-driving-licence-corroborated",
        "cycle3-driving-licence-son", "duplicate-records", "day-month-swapped", "no-record",
    ];

    private ConformanceFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = ConformanceFolder.Create();

    [TearDown]
    public void RemoveFolder() => _folder.Dispose();

    [Test]
    public async Task AlwaysMatch_FailsExactlyTheScenariosThatExpectANoMatch_WithTheReason()
    {
        await using var fake = await FakeLocalMatchingService.StartAsync(http => http.Response.WriteAsJsonAsync(
            new { result = http.Request.Path.Value!.EndsWith("/account-creation", StringComparison.Ordinal) ? "success" : "match" }));
        var json = _folder.File("report.json");
        var markdown = _folder.File("report.md");
        string[] args = ["matching", "conformance", "--url", fake.MatchUrl.AbsoluteUri, "--account-creation-url", fake.AccountCreationUrl.AbsoluteUri];

        var run = CliRun.InProcess([.. args, "--report", json]);
        CliRun.InProcess([.. args, "--report", markdown]);

        var failed = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("scenarios").EnumerateArray()
            .Where(s => s.GetProperty("outcome").GetString() == "failed").Select(s => s.GetProperty("name").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(failed, Is.EquivalentTo(ScenariosExpectingANoMatch));
            Assert.That(run.Output.TrimEnd(), Does.EndWith("16 passed, 8 failed"));
            Assert.That(run.Output, Does.Contain("FAIL  duplicate-records").And.Contain("expected no-match, got match; HTTP 200, "));
            Assert.That(run.Output, Does.Contain("why: More than one candidate is never a match"));
            Assert.That(File.ReadAllText(markdown), Does.Contain("**16 passed, 8 failed**").And.Contain("### day-month-swapped").And.Contain("| FAIL | no-record | 1 |"));
        });
    }

    [Test]
    public async Task SlowEndpoint_IsATimeout_ReportedWithItsLatency()
    {
        await using var fake = await FakeLocalMatchingService.StartAsync(async http =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(15), http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The tool gave up, as it should.
            }
        });
        var scenarios = Scenarios(("slow.json", MatchAnything));
        var clock = Stopwatch.StartNew();

        var run = CliRun.InProcess("matching", "conformance", "--url", fake.MatchUrl.AbsoluteUri, "--scenarios", scenarios, "--timeout", "1");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
            // The latency is reported; a timer may fire a millisecond before the stopwatch reads 1 s, so no exact figure.
            Assert.That(run.Output, Does.Contain("FAIL  match-anything").And.Match(@"got no answer within 1 s; \d+ ms"));
            Assert.That(ReportedLatencyMs(run.Output), Is.GreaterThanOrEqualTo(900).And.LessThan(10_000));
            Assert.That(run.Output.TrimEnd(), Does.EndWith("0 passed, 1 failed"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the tool stops waiting at the timeout");
        });
    }

    /// <summary>Break one thing in a good answer (<c>{"result":"match"}</c>, HTTP 200, application/json); the tool names it.</summary>
    [TestCaseSource(nameof(BrokenAnswers))]
    public async Task BrokenAnswer_IsReportedAsTheStepsFailure_NeverACrash(int status, string? contentType, string body, string problem)
    {
        await using var fake = await FakeLocalMatchingService.AnsweringAsync(body, contentType, status);
        var scenarios = Scenarios(("one.json", MatchAnything));

        var run = CliRun.InProcess("matching", "conformance", "--url", fake.MatchUrl.AbsoluteUri, "--scenarios", scenarios);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.Error);
            Assert.That(run.Output, Does.Contain("got " + problem));
            Assert.That(run.Output.TrimEnd(), Does.EndWith("0 passed, 1 failed"));
            Assert.That(run.Error, Is.Empty);
            Assert.ThrowsAsync<MatchingServiceException>(() => AskAsTheMatchingServiceDoes(fake), "the matching service refuses the same answer");
        });
    }

    public static IEnumerable<TestCaseData> BrokenAnswers()
    {
        const string Json = "application/json";
        yield return new TestCaseData(500, Json, """{"result":"match"}""", "HTTP 500, expected 200").SetName("{m}(server error)");
        yield return new TestCaseData(302, null, "", "HTTP 302, expected 200").SetName("{m}(redirect)");
        yield return new TestCaseData(200, "text/plain", """{"result":"match"}""", "content type text/plain, expected application/json").SetName("{m}(wrong content type)");
        yield return new TestCaseData(200, null, """{"result":"match"}""", "no content type, expected application/json").SetName("{m}(no content type)");
        yield return new TestCaseData(200, "Application/JSON", """{"result":"match"}""", "content type Application/JSON, expected application/json")
            .SetName("{m}(content type in capitals, refused by the matching service too)");
        yield return new TestCaseData(200, Json, """{"result": "match" """, "not well-formed JSON (line 1, byte ").SetName("{m}(truncated JSON)");
        yield return new TestCaseData(200, Json, "", "not well-formed JSON").SetName("{m}(empty body)");
        yield return new TestCaseData(200, Json, """{"result":"match","result":"no-match"}""", "the matching service cannot read the answer").SetName("{m}(duplicate result)");
        yield return new TestCaseData(200, Json, """["match"]""", "the answer is a JSON array, not an object").SetName("{m}(array)");
        yield return new TestCaseData(200, Json, """{"outcome":"match"}""", "the answer has no \"result\" string").SetName("{m}(no result)");
        yield return new TestCaseData(200, Json, """{"result":true}""", "the matching service cannot read the answer ($.result)").SetName("{m}(result not a string)");
        yield return new TestCaseData(200, Json, """{"result":null}""", "the answer has no \"result\" string").SetName("{m}(result null)");
        yield return new TestCaseData(200, Json, """{"result":"yes"}""", "\"result\": \"yes\" is not match or no-match").SetName("{m}(unknown result)");
        yield return new TestCaseData(200, Json, $$"""{"result":"match","padding":"{{new string('x', 17 * 1024)}}"}""", "answer larger than 16 KiB").SetName("{m}(too large)");
    }

    [TestCase("""{"result":"NO-MATCH","detail":"ignored"}""")]
    [TestCase("""{"Result":"match","recordId":42}""")]
    public async Task AnswerTheMatchingServiceAccepts_IsAccepted(string answer)
    {
        await using var fake = await FakeLocalMatchingService.AnsweringAsync(answer);
        var scenarios = Scenarios(("one.json", MatchAnything));

        var run = CliRun.InProcess("matching", "conformance", "--url", fake.MatchUrl.AbsoluteUri, "--scenarios", scenarios);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output);
            Assert.DoesNotThrowAsync(() => AskAsTheMatchingServiceDoes(fake), "the matching service accepts the same answer");
        });
    }

    [Test]
    public async Task AccountCreation_AnsweredWithAnUnknownResult_Fails_AndTheLaterStepIsNotSent()
    {
        await using var fake = await FakeLocalMatchingService.StartAsync(http => http.Response.WriteAsJsonAsync(
            new { result = http.Request.Path.Value!.EndsWith("/account-creation", StringComparison.Ordinal) ? "created" : "no-match" }));
        var scenarios = Scenarios(("account.json", """
            {"name": "account", "description": "Account creation.", "steps": [
              {"request": "match", "matchingDataset": {"firstName": {"value": "Imogen", "verified": true},
                 "surnames": [{"value": "Castellano", "verified": true}], "dateOfBirth": {"value": "1999-12-01", "verified": true}}, "expect": "no-match"},
              {"request": "account-creation", "expect": "success"},
              {"request": "match", "matchingDataset": {"firstName": {"value": "Imogen", "verified": true},
                 "surnames": [{"value": "Castellano", "verified": true}], "dateOfBirth": {"value": "1999-12-01", "verified": true}}, "expect": "match"}]}
            """));

        var run = CliRun.InProcess(
            "matching", "conformance", "--url", fake.MatchUrl.AbsoluteUri, "--account-creation-url", fake.AccountCreationUrl.AbsoluteUri, "--scenarios", scenarios);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(run.Output, Does.Contain("2. account creation LEVEL_2: hashedPid, levelOfAssurance"));
            Assert.That(run.Output, Does.Contain("expected success, got \"result\": \"created\" is not success or failure"));
            Assert.That(run.Output, Does.Contain("(1 later step(s) not sent)"));
            Assert.That(fake.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public void NothingListening_IsReportedPerScenario()
    {
        var scenarios = Scenarios(("one.json", MatchAnything));

        var run = CliRun.InProcess("matching", "conformance", "--url", $"http://127.0.0.1:{LoopbackApp.FreePort()}/match", "--scenarios", scenarios);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(run.Output, Does.Contain("got no answer: Connection refused"));
        });
    }

    /// <summary>The matching service's own client for a department's service, asked the same question.</summary>
    private static async Task AskAsTheMatchingServiceDoes(FakeLocalMatchingService fake)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var service = new HttpLocalMatchingService(http, new HttpLocalMatchingServiceOptions { MatchUrl = fake.MatchUrl, Timeout = TimeSpan.FromSeconds(5) });
        await service.MatchAsync(new MatchRequest
        {
            MatchId = "m-1",
            LevelOfAssurance = "LEVEL_2",
            HashedPid = new string('a', 64),
            MatchingDataset = new MatchingDataset
            {
                FirstName = new MdsValue<string> { Value = "Eleanor", Verified = true },
                Surnames = [new MdsValue<string> { Value = "Whitfield", Verified = true }],
                DateOfBirth = new MdsValue<DateOnly> { Value = new DateOnly(1975, 3, 14), Verified = true },
            },
        });
    }

    private static int ReportedLatencyMs(string output) =>
        int.Parse(Regex.Match(output, @"got no answer within 1 s; (\d+) ms").Groups[1].Value, CultureInfo.InvariantCulture);

    private string Scenarios(params (string Name, string Text)[] files)
    {
        var folder = _folder.File("scenarios");
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }
}
