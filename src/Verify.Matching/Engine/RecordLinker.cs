using Microsoft.EntityFrameworkCore;

using Verify.Matching.Storage;
using Verify.Matching.Storage.Entities;

namespace Verify.Matching.Engine;

/// <summary>Links hashed PIDs to records for cycle 0. A hashed PID points at one record for good; a record may have many (one per IDP).</summary>
internal sealed class RecordLinker(MatchingDatabase database, TimeProvider timeProvider)
{
    private static readonly string[] Levels = ["LEVEL_1", "LEVEL_2", "LEVEL_3", "LEVEL_4"];

    public async Task<LinkResult> LinkAsync(string hashedPid, string recordId, string levelOfAssurance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hashedPid);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        if (hashedPid.Length > 256 || !Levels.Contains(levelOfAssurance, StringComparer.Ordinal))
        {
            throw new ArgumentException("A hashed PID of at most 256 characters and a level LEVEL_1 to LEVEL_4 are required.");
        }

        var context = database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var recordKey = await context.Records.Where(r => r.RecordId == recordId).Select(r => (long?)r.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (recordKey is null)
            {
                return LinkResult.RecordNotFound;
            }

            var existing = await ExistingAsync(context, hashedPid, recordKey.Value, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing.Value;
            }

            context.PidLinks.Add(new PidLinkEntity
            {
                HashedPid = hashedPid,
                RecordKey = recordKey.Value,
                LevelOfAssurance = levelOfAssurance,
                LinkedAt = timeProvider.GetUtcNow(),
            });
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return LinkResult.Linked;
            }
            catch (DbUpdateException exception)
            {
                // Another node linked the same hashed PID between our read and our write: report what is there now.
                context.ChangeTracker.Clear();
                return await ExistingAsync(context, hashedPid, recordKey.Value, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The link could not be written.", exception);
            }
        }
    }

    private static async Task<LinkResult?> ExistingAsync(MatchingDbContext context, string hashedPid, long recordKey, CancellationToken cancellationToken)
    {
        var linkedTo = await context.PidLinks.Where(l => l.HashedPid == hashedPid).Select(l => (long?)l.RecordKey)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return linkedTo switch
        {
            null => null,
            var key when key == recordKey => LinkResult.AlreadyLinked,
            _ => LinkResult.LinkedToAnotherRecord,
        };
    }
}
