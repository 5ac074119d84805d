using Verify.Hub.Journey.Assurance;

namespace Verify.Federation.Parties;

/// <summary>The stored form of a set of levels: names, lowest rank first, comma-separated (<c>LEVEL_1,LEVEL_2</c>).</summary>
internal static class PartyLevels
{
    /// <summary>The stored form of <paramref name="levels"/>.</summary>
    public static string Format(LevelOfAssuranceSet levels) => string.Join(",", levels.Select(l => l.Name));

    /// <summary>The set a stored value names; the names were checked at registration.</summary>
    public static LevelOfAssuranceSet Parse(string stored) =>
        new(stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(LevelOfAssurance.FromName));
}
