namespace Verify.Matching.Normalisation;

/// <summary>
/// Address lines, normalised for comparison. Lines are folded (<see cref="TextFolding"/>) and
/// common abbreviations spelled out (Rd → road, St → street, Ave → avenue). Two addresses with the
/// same postcode are the same address when their <see cref="PremisesKey"/> agree: the house and flat
/// numbers where the lines have any, else the first line (a house name such as "Rose Cottage").
/// </summary>
public static class AddressNormaliser
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["rd"] = "road",
        ["st"] = "street",
        ["str"] = "street",
        ["ave"] = "avenue",
        ["av"] = "avenue",
        ["ln"] = "lane",
        ["dr"] = "drive",
        ["ct"] = "court",
        ["cl"] = "close",
        ["cres"] = "crescent",
        ["gdns"] = "gardens",
        ["gro"] = "grove",
        ["gr"] = "grove",
        ["pl"] = "place",
        ["sq"] = "square",
        ["ter"] = "terrace",
        ["terr"] = "terrace",
        ["pk"] = "park",
        ["hse"] = "house",
        ["ho"] = "house",
        ["apt"] = "flat",
        ["apartment"] = "flat",
        ["fl"] = "flat",
        ["bldg"] = "building",
        ["cott"] = "cottage",
        ["mt"] = "mount",
        ["nth"] = "north",
        ["sth"] = "south",
        ["wy"] = "way",
        ["hwy"] = "highway",
    };

    /// <summary>Every line folded and its abbreviations spelled out, words joined by single spaces, lines by " | ".</summary>
    public static string Lines(IEnumerable<string?>? lines)
    {
        if (lines is null)
        {
            return "";
        }

        return string.Join(" | ", lines.Select(Line).Where(l => l.Length > 0));
    }

    /// <summary>One line, folded, with abbreviations spelled out: "14, High St." → "14 high street".</summary>
    public static string Line(string? line) => string.Join(' ', TextFolding.Words(line).Select(Expand));

    /// <summary>
    /// What identifies the premises within a postcode: the numbers in the lines, in order
    /// ("Flat 2, 14 High St" → "#2 14"), or, when no line holds a digit, the first line without
    /// spaces ("Rose Cottage" → "rosecottage"). Empty when there are no lines.
    /// </summary>
    public static string PremisesKey(IEnumerable<string?>? lines)
    {
        if (lines is null)
        {
            return "";
        }

        var folded = lines.Select(l => TextFolding.Words(l).Select(Expand).ToList()).Where(l => l.Count > 0).ToList();
        var numbers = folded.SelectMany(l => l).Where(w => w.Any(char.IsDigit)).ToList();
        if (numbers.Count > 0)
        {
            return "#" + string.Join(' ', numbers);
        }

        return folded.Count == 0 ? "" : string.Concat(folded[0]);
    }

    private static string Expand(string word) => Abbreviations.TryGetValue(word, out var full) ? full : word;
}
