namespace Verify.Matching.Normalisation;

/// <summary>
/// Latin letters with diacritics folded to their base letters, for lower-case input: é → e, ŵ → w,
/// ł → l, ß → ss. The table covers Latin-1 Supplement, Latin Extended-A and -B and Latin Extended
/// Additional (U+00C0–U+024F, U+1E00–U+1EFF); it was generated from Unicode's canonical decompositions,
/// plus the letters that do not decompose (ø, ł, đ, ħ, ı, ß, æ, œ, þ, ð). The project runs with
/// <c>InvariantGlobalization</c>, where <see cref="string.Normalize()"/> does not decompose, so the
/// folding cannot rely on it.
/// </summary>
internal static class LatinFolding
{
    private const string Accented = ""
        + "àáâãäåçèéêëìíîïðñòóôõöøùúûüýÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĸĺļľ"
        + "ŀłńņňŋōŏőŕŗřśŝşšţťŧũūŭůűųŵŷźżžſƀƒơưƶǎǐǒǔǖǘǚǜǝǟǡǥǧǩǫǭǰǵǹǻȁȃȅȇ"
        + "ȉȋȍȏȑȓȕȗșțȟȥȧȩȫȭȯȱȳɇɍɏḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋ"
        + "ṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙạảấầẩẫậắằẳẵặẹẻẽếềểễ"
        + "ệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";

    private const string Plain = ""
        + "aaaaaaceeeeiiiidnoooooouuuuyyaaaccccddeeeeegggghhiiiiijkklll"
        + "llnnnnooorrrsssstttuuuuuuwyzzzsbfouzaiouuuuueaaggkoojgnaaaee"
        + "iioorruusthzaeooooyeryabbbcdddddeeeeefghhhhhiikkkllllmmmnnnn"
        + "oooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwyaaaaaaaaaaaaeeeeeee"
        + "eiioooooooooooouuuuuuuyyyy";

    private static readonly Dictionary<char, string> Map = Build();

    /// <summary>The base letters of a lower-case letter, or null when it has no diacritic to fold.</summary>
    public static string? Fold(char lower) => Map.TryGetValue(lower, out var plain) ? plain : null;

    private static Dictionary<char, string> Build()
    {
        var map = new Dictionary<char, string>(Accented.Length + 16);
        for (var i = 0; i < Accented.Length; i++)
        {
            map[Accented[i]] = Plain[i].ToString();
        }

        map['ß'] = "ss";
        map['æ'] = "ae";
        map['œ'] = "oe";
        map['þ'] = "th";
        map['ĳ'] = "ij";
        map['ǆ'] = "dz";
        map['ǳ'] = "dz";
        map['ǉ'] = "lj";
        map['ǌ'] = "nj";
        return map;
    }
}
