namespace Verify.Matching.Benchmarks;

/// <summary>A seeded random source with the few helpers the generator needs; the same seed gives the same population.</summary>
internal sealed class Rng(int seed)
{
    private readonly Random _random = new(seed);

    public static Rng For(int seed, int index, int stream = 0) => new(unchecked((seed * 1_000_003) + (index * 7_919) + (stream * 104_729)));

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Skewed towards the start of the list, as real name frequencies are.</summary>
    public T PickSkewed<T>(IReadOnlyList<T> items)
    {
        var u = _random.NextDouble();
        return items[(int)(u * u * items.Count)];
    }
}
