namespace Verify.Matching.Normalisation;

/// <summary>
/// Common English first-name variants: a small, documented table (src/Verify.Matching/README.md)
/// of formal names and the short forms people go by (Bob and Robert, Bill and William, Peggy and
/// Margaret). Two first names are compatible when they are equal after normalisation or share a
/// formal name here. A short form can belong to several formal names (Bert: Albert, Herbert,
/// Robert); formal names never match each other (Alexander is not Alexandra).
/// </summary>
public static class FirstNameVariants
{
    /// <summary>Formal name → the short forms and spellings it is known by, all normalised.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Table = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["abigail"] = ["abby", "abbie", "gail"],
        ["albert"] = ["al", "bert", "bertie"],
        ["alexander"] = ["alex", "alec", "sandy", "xander"],
        ["alexandra"] = ["alex", "lexie", "sandra", "sandy"],
        ["alfred"] = ["alf", "alfie", "fred"],
        ["andrew"] = ["andy", "drew"],
        ["anthony"] = ["tony", "ant"],
        ["benjamin"] = ["ben", "benny", "benji"],
        ["catherine"] = ["cathy", "kate", "katie", "cath", "kathryn", "katherine", "kay"],
        ["charles"] = ["charlie", "chas", "chuck"],
        ["charlotte"] = ["lottie", "charlie"],
        ["christopher"] = ["chris", "kit"],
        ["daniel"] = ["dan", "danny"],
        ["david"] = ["dave", "davy", "dai"],
        ["deborah"] = ["debbie", "debra", "deb"],
        ["dorothy"] = ["dot", "dottie", "dolly"],
        ["edward"] = ["ed", "eddie", "ted", "ned"],
        ["eleanor"] = ["ellie", "nell", "nora"],
        ["elizabeth"] = ["liz", "lizzie", "beth", "betty", "bess", "eliza", "libby", "elisabeth", "lisa"],
        ["frederick"] = ["fred", "freddie"],
        ["gwendolyn"] = ["gwen"],
        ["henry"] = ["harry", "hal", "hank"],
        ["herbert"] = ["bert", "herb"],
        ["jacob"] = ["jake"],
        ["james"] = ["jim", "jimmy", "jamie"],
        ["jennifer"] = ["jen", "jenny"],
        ["john"] = ["jack", "johnny", "jon"],
        ["jonathan"] = ["jon", "jonny"],
        ["joseph"] = ["joe", "joey"],
        ["katherine"] = ["kate", "katie", "kathy", "kath", "catherine", "kathryn"],
        ["lawrence"] = ["larry", "laurie", "laurence"],
        ["margaret"] = ["peggy", "maggie", "meg", "marge", "margo", "madge", "greta", "rita"],
        ["matthew"] = ["matt", "matty"],
        ["michael"] = ["mike", "mick", "mickey"],
        ["nicholas"] = ["nick", "nicky"],
        ["patricia"] = ["pat", "patsy", "trish", "tricia"],
        ["patrick"] = ["pat", "paddy"],
        ["peter"] = ["pete"],
        ["rebecca"] = ["becky", "becca"],
        ["richard"] = ["rich", "richie", "dick", "rick", "ricky"],
        ["robert"] = ["rob", "bob", "bobby", "robbie", "bert"],
        ["samuel"] = ["sam", "sammy"],
        ["samantha"] = ["sam", "sammy"],
        ["sarah"] = ["sara", "sally", "sadie"],
        ["stephen"] = ["steve", "steven", "stevie"],
        ["susan"] = ["sue", "susie", "suzanne"],
        ["thomas"] = ["tom", "tommy"],
        ["timothy"] = ["tim", "timmy"],
        ["victoria"] = ["vicky", "vicki", "tori"],
        ["william"] = ["bill", "billy", "will", "willie", "liam"],
    };

    private static readonly Dictionary<string, string[]> FormalNamesOf = BuildIndex();

    /// <summary>
    /// The normalised first name and every formal name it may stand for: "Bob" → {"bob", "robert"}.
    /// Call with a value from <see cref="NameNormaliser.FirstName"/>.
    /// </summary>
    public static IReadOnlyCollection<string> Expand(string normalisedFirstName)
    {
        ArgumentNullException.ThrowIfNull(normalisedFirstName);
        return FormalNamesOf.TryGetValue(normalisedFirstName, out var formal)
            ? [normalisedFirstName, .. formal]
            : [normalisedFirstName];
    }

    /// <summary>True when two normalised first names are equal or share a formal name.</summary>
    public static bool AreCompatible(string normalisedA, string normalisedB)
    {
        ArgumentNullException.ThrowIfNull(normalisedA);
        ArgumentNullException.ThrowIfNull(normalisedB);
        if (normalisedA.Length == 0 || normalisedB.Length == 0)
        {
            return false;
        }

        return string.Equals(normalisedA, normalisedB, StringComparison.Ordinal)
            || Expand(normalisedA).Intersect(Expand(normalisedB), StringComparer.Ordinal).Any();
    }

    private static Dictionary<string, string[]> BuildIndex()
    {
        var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (formal, variants) in Table)
        {
            foreach (var variant in variants)
            {
                if (!index.TryGetValue(variant, out var set))
                {
                    index[variant] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(formal);
            }
        }

        return index.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }
}
