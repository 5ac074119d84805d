namespace Verify.LoadBenchmark;

/// <summary>
/// Round trips to the stores, read from the servers' own counters: Redis commands by name and PostgreSQL transactions
/// in the hub's database. Each one costs the hub a send, a wake-up and a receive, so their count per journey is a figure
/// worth watching beside the CPU. The load generator's own reads (these counters) are a handful per run.
/// </summary>
internal sealed record StoreCalls(IReadOnlyDictionary<string, long> RedisCalls, long PostgresTransactions)
{
    /// <summary>Per journey: Redis commands by name (largest first), then their sum, then PostgreSQL transactions.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Redis { get; private init; } = [];

    public double RedisPerJourney { get; private init; }

    public double PostgresTransactionsPerJourney { get; private init; }

    public static async Task<StoreCalls> TakeAsync(string postgres, string redis) =>
        new(await StoreFacts.RedisCommandsAsync(redis).ConfigureAwait(false),
            await StoreFacts.PostgresTransactionsAsync(postgres).ConfigureAwait(false));

    /// <summary>What was called between <paramref name="before"/> and this snapshot, per one of <paramref name="journeys"/>.</summary>
    public StoreCalls Since(StoreCalls before, long journeys)
    {
        var n = Math.Max(1, journeys);
        var redis = RedisCalls
            .Select(c => new KeyValuePair<string, double>(c.Key, (double)(c.Value - before.RedisCalls.GetValueOrDefault(c.Key)) / n))
            .Where(c => c.Value > 0)
            .OrderByDescending(c => c.Value)
            .ToList();
        return this with
        {
            Redis = redis,
            RedisPerJourney = redis.Sum(c => c.Value),
            PostgresTransactionsPerJourney = (double)(PostgresTransactions - before.PostgresTransactions) / n,
        };
    }
}
