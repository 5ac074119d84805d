using System.Diagnostics;

using Microsoft.EntityFrameworkCore;

using Verify.Matching.Storage;

namespace Verify.Matching.Benchmarks;

/// <summary>
/// Loads the population through <see cref="RecordWriter"/> (the one write path) in batches: one
/// SaveChanges and one transaction per batch, change tracking cleared between batches.
/// </summary>
internal static class BulkLoader
{
    private const int BatchSize = 5_000;

    public static async Task LoadAsync(MatchingDatabase database, Population population, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var createdAt = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        for (var start = 0; start < population.Size; start += BatchSize)
        {
            await using var context = database.CreateContext();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await context.Database.BeginTransactionAsync();
            var end = Math.Min(start + BatchSize, population.Size);
            RecordWriter.Add(context, Enumerable.Range(start, end - start).Select(population.Record), createdAt);
            await context.SaveChangesAsync();
            await transaction.CommitAsync();
            if (end % 100_000 == 0 || end == population.Size)
            {
                log.WriteLine($"  loaded {end:N0} records in {clock.Elapsed.TotalSeconds:F0} s ({end / clock.Elapsed.TotalSeconds:N0} records/s)");
            }
        }
    }

    public static async Task<int> CountAsync(MatchingDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.Records.CountAsync();
    }
}
