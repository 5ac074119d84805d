using System.Diagnostics.CodeAnalysis;

namespace Verify.Hub.Journey.Assurance;

/// <summary>
/// A level of assurance: <c>LEVEL_1</c> (balance of probabilities) to <c>LEVEL_4</c>, each with an explicit
/// <see cref="Rank"/> that every comparison uses, so no reordering of declarations can change which level
/// is higher (STYLE.md; a verify-hub comment begged readers not to reorder its enum).
/// </summary>
/// <remarks>
/// <c>LEVEL_X</c> is deliberately not a value of this type: it marks a fraud response and never satisfies any
/// requirement (ARCHITECTURE.md). It has no member here, and parsing it throws
/// <see cref="LevelXIsNotALevelException"/>; <see cref="AuthnContextClass"/> is what can hold it. The type is a
/// class with private construction, so there is no <c>default</c> value and no cast from a number.
/// </remarks>
public sealed class LevelOfAssurance : IComparable<LevelOfAssurance>, IEquatable<LevelOfAssurance>
{
    /// <summary>LEVEL_1: balance of probabilities.</summary>
    public static readonly LevelOfAssurance Level1 = new("LEVEL_1", 1, AuthnContextUris.Level1);

    /// <summary>LEVEL_2: beyond reasonable doubt.</summary>
    public static readonly LevelOfAssurance Level2 = new("LEVEL_2", 2, AuthnContextUris.Level2);

    /// <summary>LEVEL_3.</summary>
    public static readonly LevelOfAssurance Level3 = new("LEVEL_3", 3, AuthnContextUris.Level3);

    /// <summary>LEVEL_4.</summary>
    public static readonly LevelOfAssurance Level4 = new("LEVEL_4", 4, AuthnContextUris.Level4);

    private LevelOfAssurance(string name, int rank, string authnContext)
    {
        Name = name;
        Rank = rank;
        AuthnContext = authnContext;
    }

    /// <summary>Every level, lowest rank first.</summary>
    public static IReadOnlyList<LevelOfAssurance> All { get; } = [Level1, Level2, Level3, Level4];

    /// <summary>Verify's name, e.g. <c>LEVEL_2</c> (also the stored form).</summary>
    public string Name { get; }

    /// <summary>The explicit rank: 1 for LEVEL_1 … 4 for LEVEL_4. Higher is stronger.</summary>
    public int Rank { get; }

    /// <summary>The SAML authn context class URI, which is also the OIDC <c>acr</c> value.</summary>
    public string AuthnContext { get; }

    /// <summary>The level named <paramref name="name"/> (<c>LEVEL_1</c> … <c>LEVEL_4</c>, exact case).</summary>
    /// <exception cref="LevelXIsNotALevelException"><paramref name="name"/> is <c>LEVEL_X</c>.</exception>
    /// <exception cref="FormatException">Any other unknown name.</exception>
    public static LevelOfAssurance FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == AuthnContextUris.LevelXName)
        {
            throw new LevelXIsNotALevelException();
        }

        return All.FirstOrDefault(l => l.Name == name)
            ?? throw new FormatException("Not a level of assurance name.");
    }

    /// <summary>The level whose authn context URI (or OIDC <c>acr</c>) is <paramref name="uri"/>, exact match.</summary>
    /// <exception cref="LevelXIsNotALevelException"><paramref name="uri"/> is the <c>levelX</c> fraud marker.</exception>
    /// <exception cref="FormatException">Any other unknown URI.</exception>
    public static LevelOfAssurance FromAuthnContext(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!TryFromAuthnContext(uri, out var level))
        {
            throw uri == AuthnContextUris.LevelX
                ? new LevelXIsNotALevelException()
                : new FormatException("Not a level of assurance authn context.");
        }

        return level;
    }

    /// <summary>Like <see cref="FromAuthnContext"/>, but false for <c>levelX</c> and unknown URIs.</summary>
    public static bool TryFromAuthnContext(string? uri, [NotNullWhen(true)] out LevelOfAssurance? level)
    {
        level = All.FirstOrDefault(l => l.AuthnContext == uri);
        return level is not null;
    }

    /// <inheritdoc/>
    public int CompareTo(LevelOfAssurance? other) => other is null ? 1 : Rank.CompareTo(other.Rank);

    /// <inheritdoc/>
    public bool Equals(LevelOfAssurance? other) => other is not null && Rank == other.Rank;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LevelOfAssurance);

    /// <inheritdoc/>
    public override int GetHashCode() => Rank;

    /// <inheritdoc/>
    public override string ToString() => Name;

    public static bool operator ==(LevelOfAssurance? left, LevelOfAssurance? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(LevelOfAssurance? left, LevelOfAssurance? right) => !(left == right);

    public static bool operator <(LevelOfAssurance left, LevelOfAssurance right) => Compare(left, right) < 0;

    public static bool operator <=(LevelOfAssurance left, LevelOfAssurance right) => Compare(left, right) <= 0;

    public static bool operator >(LevelOfAssurance left, LevelOfAssurance right) => Compare(left, right) > 0;

    public static bool operator >=(LevelOfAssurance left, LevelOfAssurance right) => Compare(left, right) >= 0;

    private static int Compare(LevelOfAssurance left, LevelOfAssurance right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.Rank.CompareTo(right.Rank);
    }
}
