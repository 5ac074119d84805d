using System.Globalization;
using System.Text;

namespace Verify.Matching.Normalisation;

/// <summary>
/// Folds free text to lower-case letters and digits separated by single spaces: accented Latin letters
/// lose their diacritics (é → e, ñ → n, ł → l, ß → ss, see <see cref="LatinFolding"/>), combining marks
/// in decomposed input are dropped, apostrophes and full stops vanish
/// (O'Brien → obrien, St. → st) and every other character separates words (hyphens, commas, spaces).
/// </summary>
internal static class TextFolding
{
    /// <summary>The words of <paramref name="value"/>, folded; empty when it has no letter or digit.</summary>
    public static IReadOnlyList<string> Words(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var words = new List<string>();
        var current = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || IsJoiningPunctuation(c))
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                AppendFolded(current, c);
                continue;
            }

            Flush(current, words);
        }

        Flush(current, words);
        return words;
    }

    /// <summary>The folded words joined without separators: "Smith-Jones" and "smith jones" both give "smithjones".</summary>
    public static string Compact(string? value) => string.Concat(Words(value));

    // Apostrophes (straight, typographic, modifier letter, backtick) and full stops join: O'Neill, D’Arcy, St.
    private static bool IsJoiningPunctuation(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' or '.';

    private static void AppendFolded(StringBuilder builder, char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (lower < 128)
        {
            builder.Append(lower);
        }
        else if (LatinFolding.Fold(lower) is { } plain)
        {
            builder.Append(plain);
        }
        else
        {
            builder.Append(lower);
        }
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
