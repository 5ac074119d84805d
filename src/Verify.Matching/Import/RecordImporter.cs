using Microsoft.EntityFrameworkCore;

using Verify.Matching.Engine;
using Verify.Matching.Records;
using Verify.Matching.Storage;

namespace Verify.Matching.Import;

/// <summary>
/// Imports departmental records from the JSON Lines format of README.md, all or nothing: a first pass
/// reads and checks every line (JSON shape, record rules, record IDs unique in the file and new to the
/// store) and reports bad lines by number; only a clean file is written, in one transaction, in batches.
/// Both passes stream, so memory does not grow with the file beyond the set of record IDs.
/// </summary>
public sealed class RecordImporter
{
    /// <summary>The longest line accepted, in characters.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>At most this many problems are listed; all are counted.</summary>
    public const int MaxReportedErrors = 100;

    /// <summary>Progress is reported every this many lines.</summary>
    public const int ProgressInterval = 10_000;

    private readonly MatchingDatabase _database;
    private readonly RecordValidator _validator;
    private readonly TimeProvider _timeProvider;

    /// <summary>Makes an importer into <paramref name="database"/>.</summary>
    public RecordImporter(MatchingDatabase database, MatchingOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _validator = new RecordValidator(options.IdentifierTypes, timeProvider);
    }

    /// <summary>Records written per batch (one SaveChanges each, all inside the file's transaction).</summary>
    public int BatchSize { get; init; } = 2_000;

    /// <summary>Imports the file at <paramref name="path"/>.</summary>
    public Task<ImportResult> ImportAsync(string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ImportAsync(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true), progress, cancellationToken);
    }

    /// <summary>Imports from a stream that <paramref name="open"/> opens twice, once per pass.</summary>
    public async Task<ImportResult> ImportAsync(Func<Stream> open, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        var validation = await new ImportValidationPass(_database, _validator).RunAsync(open, progress, cancellationToken).ConfigureAwait(false);
        if (!validation.Succeeded)
        {
            return validation;
        }

        var written = await WriteAsync(open, progress, cancellationToken).ConfigureAwait(false);
        return validation with { RecordsImported = written };
    }

    private async Task<long> WriteAsync(Func<Stream> open, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var context = _database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = _timeProvider.GetUtcNow();
                var batch = new List<DepartmentRecord>(BatchSize);
                long written = 0;
                var lines = await JsonLinesFile.ReadAsync(open, ImportPhase.Writing, progress, async (lineNumber, line) =>
                {
                    batch.Add(RecordLineParser.Parse(lineNumber, line, null) ?? throw new InvalidOperationException($"Line {lineNumber} changed after it was validated."));
                    if (batch.Count >= BatchSize)
                    {
                        written += await SaveAsync(context, batch, now, cancellationToken).ConfigureAwait(false);
                    }
                }, cancellationToken, () => written).ConfigureAwait(false);

                written += await SaveAsync(context, batch, now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                progress?.Report(new ImportProgress(ImportPhase.Writing, lines, written, 1, 1));
                return written;
            }
        }
    }

    private static async Task<int> SaveAsync(MatchingDbContext context, List<DepartmentRecord> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        RecordWriter.Add(context, batch, now);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        context.ChangeTracker.Clear();
        var count = batch.Count;
        batch.Clear();
        return count;
    }

}
