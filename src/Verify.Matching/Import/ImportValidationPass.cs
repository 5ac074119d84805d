using Microsoft.EntityFrameworkCore;

using Verify.Matching.Storage;

namespace Verify.Matching.Import;

/// <summary>
/// The importer's first pass: reads every line, checks it (JSON shape, record rules, record ID unique in the
/// file and new to the store, looked up in batches of 1,000) and collects the problems by line number. Writes nothing.
/// </summary>
internal sealed class ImportValidationPass(MatchingDatabase database, RecordValidator validator)
{
    public async Task<ImportResult> RunAsync(Func<Stream> open, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new ImportErrorList(RecordImporter.MaxReportedErrors);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<(long Line, string RecordId)>();
        var context = database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var lines = await JsonLinesFile.ReadAsync(open, ImportPhase.Validating, progress, async (lineNumber, line) =>
            {
                if (RecordLineParser.Parse(lineNumber, line, errors) is not { } record)
                {
                    return;
                }

                var problems = validator.Validate(record);
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
}
