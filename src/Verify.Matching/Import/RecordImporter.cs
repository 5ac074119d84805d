using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using Verify.Matching.Engine;
using Verify.Matching.Records;
using Verify.Matching.Requests;
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
        var validation = await ValidateAsync(open, progress, cancellationToken).ConfigureAwait(false);
        if (!validation.Succeeded)
        {
            return validation;
        }

        var written = await WriteAsync(open, progress, cancellationToken).ConfigureAwait(false);
        return validation with { RecordsImported = written };
    }

    private async Task<ImportResult> ValidateAsync(Func<Stream> open, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new ImportErrorList(MaxReportedErrors);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<(long Line, string RecordId)>();
        var context = _database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var lines = await JsonLinesFile.ReadAsync(open, ImportPhase.Validating, progress, async (lineNumber, line) =>
            {
                if (Parse(lineNumber, line, errors) is not { } record)
                {
                    return;
                }

                var problems = _validator.Validate(record);
                errors.AddRange(lineNumber, problems);
                if (problems.Count == 0 && !seen.Add(record.RecordId))
                {
                    errors.Add(lineNumber, "recordId: appears on an earlier line of this file");
                }
                else if (problems.Count == 0)
                {
                    pending.Add((lineNumber, record.RecordId));
                    if (pending.Count >= 1_000)
                    {
                        await CheckNewAsync(context, pending, errors, cancellationToken).ConfigureAwait(false);
                    }
                }
            }, cancellationToken).ConfigureAwait(false);

            await CheckNewAsync(context, pending, errors, cancellationToken).ConfigureAwait(false);
            return new ImportResult(0, lines, errors.Sorted(), errors.Count);
        }
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
                await JsonLinesFile.ReadAsync(open, ImportPhase.Writing, progress, async (lineNumber, line) =>
                {
                    batch.Add(Parse(lineNumber, line, null) ?? throw new InvalidOperationException($"Line {lineNumber} changed after it was validated."));
                    if (batch.Count >= BatchSize)
                    {
                        written += await SaveAsync(context, batch, now, cancellationToken).ConfigureAwait(false);
                    }
                }, cancellationToken, () => written).ConfigureAwait(false);

                written += await SaveAsync(context, batch, now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                progress?.Report(new ImportProgress(ImportPhase.Writing, 0, written, 0, null));
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

    private static async Task CheckNewAsync(MatchingDbContext context, List<(long Line, string RecordId)> pending, ImportErrorList errors, CancellationToken cancellationToken)
    {
        var ids = pending.Select(p => p.RecordId).ToList();
        var existing = await context.Records.Where(r => ids.Contains(r.RecordId)).Select(r => r.RecordId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var existingSet = existing.ToHashSet(StringComparer.Ordinal);
        foreach (var (line, recordId) in pending.Where(p => existingSet.Contains(p.RecordId)))
        {
            errors.Add(line, "recordId: a record with this ID is already in the store");
        }

        pending.Clear();
    }

    private static DepartmentRecord? Parse(long lineNumber, string line, ImportErrorList? errors)
    {
        if (CappedLineReader.IsTooLong(line))
        {
            errors?.Add(lineNumber, $"longer than {MaxLineLength} characters");
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DepartmentRecord>(line, MatchingJson.Records)
                ?? throw new JsonException("a record object is required, not null");
        }
        catch (JsonException exception)
        {
            // System.Text.Json names the path and the problem, never the value.
            var message = exception.Message.Split(" | LineNumber", 2)[0];
            errors?.Add(lineNumber, "not a valid record: " + message);
            return null;
        }
    }
}
