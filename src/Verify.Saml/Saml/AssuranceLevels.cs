namespace Verify.Saml.Saml;

/// <summary>
/// Verify's levels of assurance by name (<c>LEVEL_1</c> … <c>LEVEL_4</c>, the names of the local-matching JSON and of
/// the hashed PID), their authentication context URIs (<see cref="AuthnContexts"/>) and an explicit rank for
/// comparison. <c>LEVEL_X</c> is not a level: it marks a fraud response, has no name here and satisfies nothing.
/// </summary>
public static class AssuranceLevels
{
    /// <summary>Balance of probabilities.</summary>
    public const string Level1 = "LEVEL_1";

    /// <summary>Beyond reasonable doubt.</summary>
    public const string Level2 = "LEVEL_2";

    /// <summary>LEVEL_3.</summary>
    public const string Level3 = "LEVEL_3";

    /// <summary>LEVEL_4.</summary>
    public const string Level4 = "LEVEL_4";

    /// <summary>The four level names, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Level1, Level2, Level3, Level4];

    /// <summary>Whether <paramref name="level"/> is one of the four level names (exactly).</summary>
    public static bool IsLevel(string? level) => level is Level1 or Level2 or Level3 or Level4;

    /// <summary>
    /// The level named by an AuthnContextClassRef. False for <see cref="AuthnContexts.LevelX"/> (fraud) and for any
    /// URI that is not one of Verify's levels.
    /// </summary>
    public static bool TryFromAuthnContext(string? authnContextClassRef, out string level)
    {
        level = authnContextClassRef switch
        {
            AuthnContexts.Level1 => Level1,
            AuthnContexts.Level2 => Level2,
            AuthnContexts.Level3 => Level3,
            AuthnContexts.Level4 => Level4,
            _ => "",
        };
        return level.Length > 0;
    }

    /// <summary>The AuthnContextClassRef URI of a level.</summary>
    /// <exception cref="ArgumentException">Not a level name.</exception>
    public static string AuthnContextOf(string level) => level switch
    {
        Level1 => AuthnContexts.Level1,
        Level2 => AuthnContexts.Level2,
        Level3 => AuthnContexts.Level3,
        Level4 => AuthnContexts.Level4,
        _ => throw new ArgumentException("Not a level of assurance (LEVEL_1 to LEVEL_4).", nameof(level)),
    };

    /// <summary>
    /// The level's rank, 1 to 4. Levels are compared by this number, never by declaration order
    /// (STYLE.md "Enums that are compared get explicit ranks").
    /// </summary>
    /// <exception cref="ArgumentException">Not a level name.</exception>
    public static int RankOf(string level) => level switch
    {
        Level1 => 1,
        Level2 => 2,
        Level3 => 3,
        Level4 => 4,
        _ => throw new ArgumentException("Not a level of assurance (LEVEL_1 to LEVEL_4).", nameof(level)),
    };

    /// <summary>Whether <paramref name="level"/> is at least <paramref name="minimum"/>.</summary>
    public static bool Satisfies(string level, string minimum) => RankOf(level) >= RankOf(minimum);
}
