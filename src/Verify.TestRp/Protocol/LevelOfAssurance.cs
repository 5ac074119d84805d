using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.TestRp.Protocol;

/// <summary>
/// Levels of assurance by explicit rank (ARCHITECTURE.md "Levels of assurance"; STYLE.md: compared enums get
/// explicit ranks). <see cref="AuthnContexts.LevelX"/> has no rank: it marks fraud and satisfies nothing.
/// </summary>
internal static class LevelOfAssurance
{
    /// <summary>The rank of a level URI (LEVEL_1 = 1 … LEVEL_4 = 4), or null when it is not a level.</summary>
    public static int? RankOf(string? authnContextClassRef) => authnContextClassRef switch
    {
        AuthnContexts.Level1 => 1,
        AuthnContexts.Level2 => 2,
        AuthnContexts.Level3 => 3,
        AuthnContexts.Level4 => 4,
        _ => null,
    };

    /// <summary>The level's name as Verify wrote it (<c>LEVEL_2</c>), or null when it is not a level.</summary>
    public static string? NameOf(string? authnContextClassRef) =>
        RankOf(authnContextClassRef) is { } rank ? "LEVEL_" + (char)('0' + rank) : null;

    /// <summary>
    /// Whether the asserted level satisfies the request (SAML Core 3.3.2.2.1): with <c>minimum</c>, at least the
    /// lowest requested level; with <c>exact</c>, one of those requested. With nothing requested any level will do
    /// (the hub applied the RP's registered levels), but never LEVEL_X.
    /// </summary>
    public static bool Satisfies(string? asserted, IReadOnlyList<string> requested, AuthnContextComparison comparison)
    {
        if (RankOf(asserted) is not { } rank)
        {
            return false;
        }

        if (requested.Count == 0)
        {
            return true;
        }

        return comparison == AuthnContextComparison.Exact
            ? requested.Contains(asserted!, StringComparer.Ordinal)
            : rank >= requested.Min(level => RankOf(level) ?? int.MaxValue);
    }
}
