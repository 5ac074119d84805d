using System.Collections;

namespace Verify.Hub.Journey.Assurance;

/// <summary>
/// A non-empty set of levels of assurance, e.g. the levels an RP accepts or those an IDP is certified for.
/// Verify's rule (VERIFY-REFERENCE.md) is membership, not "at least": a response's level is accepted when it is
/// in the RP's set and in the IDP's set. Enumerates lowest rank first.
/// </summary>
public sealed class LevelOfAssuranceSet : IReadOnlyCollection<LevelOfAssurance>, IEquatable<LevelOfAssuranceSet>
{
    private readonly LevelOfAssurance[] _levels;

    /// <summary>A set of the given levels (duplicates ignored).</summary>
    /// <exception cref="ArgumentException">No level given.</exception>
    public LevelOfAssuranceSet(IEnumerable<LevelOfAssurance> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        _levels = [.. levels.Select(l => l ?? throw new ArgumentException("A level is null.", nameof(levels)))
            .Distinct()
            .OrderBy(l => l.Rank)];
        if (_levels.Length == 0)
        {
            throw new ArgumentException("A set of levels of assurance needs at least one level.", nameof(levels));
        }
    }

    /// <inheritdoc/>
    public int Count => _levels.Length;

    /// <summary>The lowest-ranked level in the set (what the hub asks an IDP for).</summary>
    public LevelOfAssurance Lowest => _levels[0];

    /// <summary>A set of the given levels.</summary>
    public static LevelOfAssuranceSet Of(params LevelOfAssurance[] levels) => new(levels);

    /// <summary>True when <paramref name="level"/> is in the set.</summary>
    public bool Contains(LevelOfAssurance level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return Array.IndexOf(_levels, level) >= 0;
    }

    /// <summary>The levels in both sets, or null when they have none in common.</summary>
    public LevelOfAssuranceSet? Intersect(LevelOfAssuranceSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var common = _levels.Where(other.Contains).ToArray();
        return common.Length == 0 ? null : new LevelOfAssuranceSet(common);
    }

    /// <inheritdoc/>
    public IEnumerator<LevelOfAssurance> GetEnumerator() => ((IEnumerable<LevelOfAssurance>)_levels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(LevelOfAssuranceSet? other) => other is not null && _levels.SequenceEqual(other._levels);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LevelOfAssuranceSet);

    /// <inheritdoc/>
    public override int GetHashCode() => _levels.Aggregate(0, (hash, level) => (hash * 8) + level.Rank);

    /// <inheritdoc/>
    public override string ToString() => string.Join(",", _levels.Select(l => l.Name));
}
