namespace Verify.Matching.Normalisation;

/// <summary>
/// Normalised forms of personal names, computed the same way for departmental records (at write
/// time) and for the identity an IDP asserted (at match time), so that comparisons are plain
/// string equality and the blocking keys can live in indexed columns.
/// </summary>
/// <remarks>
/// Rules: <see cref="TextFolding"/> (case, accents, apostrophes, hyphens and spaces); titles such
/// as Mr, Mrs, Dr or Sir are dropped from the front of a name and generational suffixes (Jr, Snr, III)
/// from its end, when a word would remain; the remaining words are joined without separators, so
/// "Smith-Jones", "Smith Jones" and "SMITHJONES" are one surname.
/// </remarks>
public static class NameNormaliser
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "master", "dr", "doctor", "prof", "professor", "sir", "dame",
        "lord", "lady", "rev", "revd", "reverend", "fr", "father", "sr", "sister", "capt", "captain",
        "col", "colonel", "maj", "major", "lt", "cllr", "hon", "rt",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "jr", "jnr", "junior", "snr", "senior", "ii", "iii", "iv",
    };

    // Particles are part of a surname but never a surname on their own ("van der Berg" has no part "van").
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "la", "le", "du", "da", "di", "dos", "das", "mac", "mc", "st", "ap", "ab", "bin", "ibn", "al", "el",
    };

    /// <summary>A first name's normalised form: "Dr. Zoë-Anne" → "zoeanne". Empty when nothing is left.</summary>
    public static string FirstName(string? value) => string.Concat(StripTitlesAndSuffixes(TextFolding.Words(value)));

    /// <summary>A surname's normalised form: "O'Brien-Núñez" → "obriennunez". Empty when nothing is left.</summary>
    public static string Surname(string? value) => string.Concat(StripSuffixes(TextFolding.Words(value)));

    /// <summary>
    /// The parts of a double-barrelled or multi-word surname, normalised, when it has more than one:
    /// "Smith-Jones" → ["smith", "jones"]. Particles ("van", "de", "mac") and single letters are left out.
    /// A single-word surname has no parts.
    /// </summary>
    public static IReadOnlyList<string> SurnameParts(string? value)
    {
        var words = StripSuffixes(TextFolding.Words(value));
        if (words.Count < 2)
        {
            return [];
        }

        return [.. words.Where(w => w.Length > 1 && !Particles.Contains(w)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The normalised surname followed by its parts, without repeats: the forms a surname is known by.</summary>
    public static IReadOnlyList<string> SurnameForms(string? value)
    {
        var full = Surname(value);
        if (full.Length == 0)
        {
            return [];
        }

        return [.. new[] { full }.Concat(SurnameParts(value)).Distinct(StringComparer.Ordinal)];
    }

    private static List<string> StripTitlesAndSuffixes(IReadOnlyList<string> words)
    {
        var start = 0;
        while (start < words.Count - 1 && Titles.Contains(words[start]))
        {
            start++;
        }

        return StripSuffixes([.. words.Skip(start)]);
    }

    private static List<string> StripSuffixes(IReadOnlyList<string> words)
    {
        var end = words.Count;
        while (end > 1 && Suffixes.Contains(words[end - 1]))
        {
            end--;
        }

        return [.. words.Take(end)];
    }
}
