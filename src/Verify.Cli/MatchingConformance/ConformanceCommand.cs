using System.CommandLine;
using System.Security.Cryptography;

using Verify.Cli.MatchingConformance.Reports;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// <c>verify matching conformance --url URL [--account-creation-url URL] [--scenarios DIR] [--client-cert PEM
/// --client-key PEM] [--ca-cert PEM] [--report FILE] [--timeout SECONDS]</c>: runs the conformance scenarios against a
/// department's own local matching service and reports each one; exit 0 only when none failed.
/// <c>verify matching conformance export DIR</c> writes the built-in scenarios and the records they expect.
/// Format and steps: README.md in this folder; reasons: docs/adr/0019-matching-conformance.md.
/// </summary>
internal sealed class ConformanceCommand(TimeProvider timeProvider)
{
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>The <c>conformance</c> command, with <c>export</c> below it.</summary>
    public Command Create()
    {
        var url = new Option<string>("--url") { Description = "The department's local matching service: Verify's match URL.", HelpName = "URL" };
        var accountCreationUrl = new Option<string>("--account-creation-url")
        {
            Description = "Verify's account creation URL; without it, account creation scenarios are skipped.",
            HelpName = "URL",
        };
        var scenarios = new Option<DirectoryInfo>("--scenarios") { Description = "Run the .json/.jsonl scenario files in DIR instead of the built-in ones.", HelpName = "DIR" };
        var clientCertificate = new Option<FileInfo>("--client-cert") { Description = "Client certificate (PEM) for mutual TLS.", HelpName = "PEM" };
        var clientKey = new Option<FileInfo>("--client-key") { Description = "The client certificate's private key (unencrypted PEM).", HelpName = "PEM" };
        var caCertificate = new Option<FileInfo>("--ca-cert")
        {
            Description = "Trust the endpoint's TLS certificate only if it chains to this root CA (PEM, intermediates may follow), instead of the system's CAs.",
            HelpName = "PEM",
        };
        var report = new Option<FileInfo>("--report") { Description = "Also write the report to FILE: .json or .md.", HelpName = "FILE" };
        var timeout = new Option<int>("--timeout")
        {
            Description = $"Seconds each answer may take (default {ConformanceOptions.DefaultTimeoutSeconds}, the matching service's own).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => ConformanceOptions.DefaultTimeoutSeconds,
        };

        var command = new Command(
            "conformance",
            "Check a department's own local matching service: run the conformance scenarios against it and report each one.")
        {
            url, accountCreationUrl, scenarios, clientCertificate, clientKey, caCertificate, report, timeout,
        };
        command.Subcommands.Add(CreateExportCommand());
        command.SetAction((parse, cancellationToken) => RunAsync(
            new ConformanceOptions
            {
                Url = parse.GetValue(url),
                AccountCreationUrl = parse.GetValue(accountCreationUrl),
                Scenarios = parse.GetValue(scenarios),
                ClientCertificate = parse.GetValue(clientCertificate),
                ClientKey = parse.GetValue(clientKey),
                CaCertificate = parse.GetValue(caCertificate),
                Report = parse.GetValue(report),
                TimeoutSeconds = parse.GetValue(timeout),
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static Command CreateExportCommand()
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "Where to write README.md, conformance-records.jsonl and scenarios/." };
        var force = new Option<bool>("--force") { Description = "Replace files that already exist." };
        var export = new Command(
            "export",
            "Write the built-in scenarios and the synthetic records they expect (load those into your test system with your own import).")
        {
            folder,
            force,
        };
        export.SetAction((parse, cancellationToken) => ConformanceExport.WriteAsync(
            parse.GetRequiredValue(folder), parse.GetValue(force), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return export;
    }

    private async Task<int> RunAsync(ConformanceOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"verify matching conformance: {problem}").ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        var set = options.Scenarios is null ? ScenarioLoader.BuiltIn() : ScenarioLoader.FromFolder(options.Scenarios);
        if (!set.IsUsable)
        {
            foreach (var problem in set.Problems)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            await error.WriteLineAsync($"verify matching conformance: {set.Problems.Count} problem(s) in the scenarios; nothing was sent.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        EndpointTls tls;
        try
        {
            tls = EndpointTls.Load(options.ClientCertificate?.FullName, options.ClientKey?.FullName, options.CaCertificate?.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            await error.WriteLineAsync($"verify matching conformance: TLS files: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        ConformanceResult result;
        using (tls)
        using (var http = new HttpClient(tls.CreateHandler(options.Timeout)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan })
        {
            var runner = new ConformanceRunner(new LocalMatchingClient(http, options.Timeout, _timeProvider), options.Target(), NewId, _timeProvider);
            try
            {
                result = await runner.RunAsync(set.Scenarios, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("verify matching conformance: cancelled.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        }

        await ConsoleReport.WriteAsync(result, output).ConfigureAwait(false);
        if (options.Report is { } file && !await TryWriteReportAsync(result, file, options.ReportIsMarkdown, error, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Failure;
        }

        return result.AllPassed ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<bool> TryWriteReportAsync(ConformanceResult result, FileInfo file, bool markdown, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            if (markdown)
            {
                await File.WriteAllTextAsync(file.FullName, MarkdownReport.Render(result), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var stream = File.Create(file.FullName);
                await using (stream.ConfigureAwait(false))
                {
                    await JsonReport.WriteAsync(result, stream, cancellationToken).ConfigureAwait(false);
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"verify matching conformance: the report could not be written: {ex.Message}").ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>64 random hex digits: a hashed PID's shape, and the source of match IDs.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
