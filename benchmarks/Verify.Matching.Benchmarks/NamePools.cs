namespace Verify.Matching.Benchmarks;

/// <summary>The name, street and town lists in Data/, with a few diacritics and apostrophes as real records have.</summary>
internal sealed class NamePools
{
    private NamePools(string folder)
    {
        Female = Read(folder, "first-names-female.txt");
        Male = Read(folder, "first-names-male.txt");
        Surnames = Read(folder, "surnames.txt");
        Streets = Read(folder, "streets.txt");
        Towns = Read(folder, "towns.txt");
    }

    public IReadOnlyList<string> Female { get; }

    public IReadOnlyList<string> Male { get; }

    public IReadOnlyList<string> Surnames { get; }

    public IReadOnlyList<string> Streets { get; }

    public IReadOnlyList<string> Towns { get; }

    public static NamePools Load() => new(Path.Combine(AppContext.BaseDirectory, "Data"));

    private static string[] Read(string folder, string file) =>
        [.. File.ReadAllLines(Path.Combine(folder, file)).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)];
}
