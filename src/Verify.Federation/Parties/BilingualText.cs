namespace Verify.Federation.Parties;

/// <summary>
/// Text shown to citizens in English and, where given, Welsh (ARCHITECTURE.md: the hub's pages are in English and
/// Welsh). English is required; a page in Welsh falls back to it when no Welsh text is registered.
/// </summary>
public sealed record BilingualText
{
    /// <summary>Creates the text; surrounding white space is removed and an empty Welsh text counts as none.</summary>
    /// <param name="english">The English text; required.</param>
    /// <param name="welsh">The Welsh text, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="english"/> is empty.</exception>
    public BilingualText(string english, string? welsh = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(english);
        English = english.Trim();
        Welsh = string.IsNullOrWhiteSpace(welsh) ? null : welsh.Trim();
    }

    /// <summary>The English text.</summary>
    public string English { get; }

    /// <summary>The Welsh text, or null when none is registered.</summary>
    public string? Welsh { get; }

    /// <summary>The text for a page in <paramref name="language"/> (<c>cy</c> or anything else for English).</summary>
    public string For(string? language) =>
        string.Equals(language, "cy", StringComparison.OrdinalIgnoreCase) && Welsh is not null ? Welsh : English;

    /// <inheritdoc />
    public override string ToString() => Welsh is null ? English : $"{English} / {Welsh}";
}
