using Microsoft.EntityFrameworkCore;

using Verify.Matching.Engine;

namespace Verify.Matching.Storage;

/// <summary>
/// The engine's reads. Each is an equality lookup on an indexed key column (plain LINQ, so the same
/// query runs on SQLite and PostgreSQL), followed by one load of the candidates' normalised values.
/// </summary>
internal static class RecordQueries
{
    /// <summary>Cycle 0: the record linked to a hashed PID, if any.</summary>
    public static Task<string?> RecordIdForPidAsync(MatchingDbContext context, string hashedPid, CancellationToken cancellationToken) =>
        context.PidLinks
            .Where(l => l.HashedPid == hashedPid)
            .Join(context.Records, l => l.RecordKey, r => r.Id, (l, r) => r.RecordId)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Cycle 1: records sharing a surname-and-birth-date or birth-date-and-postcode key with the identity.</summary>
    public static async Task<IReadOnlyList<CandidateRecord>> Cycle1CandidatesAsync(
        MatchingDbContext context, AssertedIdentity identity, CancellationToken cancellationToken)
    {
        var surnameKeys = identity.SurnameBlockKeys;
        var addressKeys = identity.AddressBlockKeys;
        var keys = await context.Names.Where(n => surnameKeys.Contains(n.BlockKey)).Select(n => n.RecordKey)
            .Union(context.Addresses.Where(a => addressKeys.Contains(a.BlockKey)).Select(a => a.RecordKey))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return await LoadAsync(context, keys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cycle 3: records holding one of the identifiers (type and normalised value).</summary>
    public static async Task<IReadOnlyList<CandidateRecord>> Cycle3CandidatesAsync(
        MatchingDbContext context, IReadOnlyList<string> lookupKeys, CancellationToken cancellationToken)
    {
        var keys = await context.Identifiers.Where(i => lookupKeys.Contains(i.LookupKey)).Select(i => i.RecordKey)
            .Distinct()
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return await LoadAsync(context, keys, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<CandidateRecord>> LoadAsync(
        MatchingDbContext context, List<long> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = await context.Records
            .Where(r => keys.Contains(r.Id))
            .Select(r => new
            {
                r.RecordId,
                r.FirstNameKey,
                r.DateOfBirth,
                Names = r.Names.Select(n => new { n.SurnameKey, n.IsPart }).ToList(),
                Addresses = r.Addresses.Select(a => new { a.PostcodeKey, a.PremisesKey }).ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        return [.. rows.Select(r => new CandidateRecord(
            r.RecordId,
            r.FirstNameKey,
            r.DateOfBirth,
            r.Names.Where(n => !n.IsPart).Select(n => n.SurnameKey).ToHashSet(StringComparer.Ordinal),
            r.Names.Where(n => n.IsPart).Select(n => n.SurnameKey).ToHashSet(StringComparer.Ordinal),
            [.. r.Addresses.Select(a => new AddressKey(a.PostcodeKey, a.PremisesKey))]))];
    }
}
