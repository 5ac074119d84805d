using System.CommandLine;
using System.Globalization;

using Verify.Matching.Engine;
using Verify.Matching.Import;
using Verify.Matching.Storage;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify matching</c>: the reference matching engine's departmental records.
/// <c>verify matching import FILE [--connection CONN] [--provider sqlite|postgres]</c> imports a JSON Lines
/// file (src/Verify.Matching/README.md) all or nothing, with progress on stderr and bad lines reported by number.
/// </summary>
internal sealed class MatchingCommand(TimeProvider timeProvider) : ICommandFactory
{
    /// <summary>The store used when no <c>--connection</c> is given: the start-dev SQLite file in the current directory.</summary>
    public const string DefaultConnection = "Data Source=verify-dev.db";

    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <inheritdoc />
    public Command Create()
    {
        var matching = new Command("matching", "The reference matching engine's departmental records.");
        matching.Subcommands.Add(CreateImportCommand());
        matching.Subcommands.Add(new MatchingConformance.ConformanceCommand(_timeProvider).Create());
        return matching;
    }

    private Command CreateImportCommand()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A JSON Lines file of departmental records (one record per line)." };
        var connection = new Option<string>("--connection")
        {
            Description = "The records store's connection string.",
            HelpName = "CONN",
            DefaultValueFactory = _ => DefaultConnection,
        };
        var provider = new Option<string>("--provider")
        {
            Description = "The records store's database: sqlite (start-dev) or postgres.",
            DefaultValueFactory = _ => "sqlite",
        };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");

        var import = new Command(
            "import",
            "Import departmental records, all or nothing: every line is checked first, and a file with any bad line writes nothing.")
        {
            file,
            connection,
            provider,
        };
        import.SetAction((parseResult, cancellationToken) => ImportAsync(
            parseResult.GetRequiredValue(file),
            parseResult.GetRequiredValue(connection),
            parseResult.GetRequiredValue(provider),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return import;
    }

    private async Task<int> ImportAsync(
        FileInfo file, string connection, string providerName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!MatchingDatabase.TryParseProvider(providerName, out var provider))
        {
            await error.WriteLineAsync($"verify matching import: unknown provider '{providerName}' (sqlite or postgres).").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (!file.Exists)
        {
            await error.WriteLineAsync($"verify matching import: '{file.FullName}' does not exist.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        try
        {
            var database = MatchingDatabase.Create(provider, connection);
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var importer = new RecordImporter(database, new MatchingOptions(), _timeProvider);
            var result = await importer.ImportAsync(file.FullName, new ProgressWriter(error), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Errors)
                {
                    await error.WriteLineAsync($"{file.Name}: {problem}").ConfigureAwait(false);
                }

                var unlisted = result.ErrorCount - result.Errors.Count;
                var more = unlisted > 0 ? $" ({unlisted} more not listed)" : "";
                await error.WriteLineAsync($"verify matching import: {result.ErrorCount} problem(s){more}; nothing was imported.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await output.WriteLineAsync($"Imported {result.RecordsImported} record(s) from '{file.Name}'.").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException
            or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"verify matching import: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>Writes import progress to stderr as it comes, without a synchronisation context in between.</summary>
    private sealed class ProgressWriter(TextWriter error) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            var percent = value.Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $" ({p:F0}%)") : "";
            error.WriteLine(value.Phase == ImportPhase.Validating
                ? string.Create(CultureInfo.InvariantCulture, $"validating: {value.LinesRead:N0} lines{percent}")
                : string.Create(CultureInfo.InvariantCulture, $"writing: {value.RecordsWritten:N0} records{percent}"));
        }
    }
}
