namespace Verify.Matching.Benchmarks;

/// <summary>Realistic keyboard slips: a neighbouring key, two letters swapped, a letter dropped or doubled (never the first letter).</summary>
internal static class Typos
{
    private static readonly string[] Rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    public static string Apply(Rng rng, string value)
    {
        if (value.Length < 3)
        {
            return value + value[^1];
        }

        var at = rng.Next(1, value.Length - 1);
        var chars = value.ToCharArray();
        switch (rng.Next(4))
        {
            case 0:
                chars[at] = Neighbour(rng, chars[at]);
                return new string(chars);
            case 1:
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                return chars[at] == chars[at + 1] ? value.Remove(at, 1) : new string(chars);
            case 2:
                return value.Remove(at, 1);
            default:
                return value.Insert(at, value[at].ToString());
        }
    }

    private static char Neighbour(Rng rng, char c)
    {
        var lower = char.ToLowerInvariant(c);
        foreach (var row in Rows)
        {
            var i = row.IndexOf(lower, StringComparison.Ordinal);
            if (i >= 0)
            {
                var j = i == 0 ? 1 : i == row.Length - 1 ? i - 1 : i + (rng.Chance(0.5) ? 1 : -1);
                return char.IsUpper(c) ? char.ToUpperInvariant(row[j]) : row[j];
            }
        }

        return 'e';
    }
}
