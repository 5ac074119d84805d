namespace Verify.Matching.Import;

/// <summary>Collects import problems: keeps the first few for the report and counts them all.</summary>
internal sealed class ImportErrorList(int maxKept)
{
    private readonly List<ImportError> _kept = [];

    /// <summary>Every problem added, kept or not.</summary>
    public long Count { get; private set; }

    public void Add(long lineNumber, string message)
    {
        Count++;
        if (_kept.Count < maxKept)
        {
            _kept.Add(new ImportError(lineNumber, message));
        }
    }

    public void AddRange(long lineNumber, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            Add(lineNumber, message);
        }
    }

    /// <summary>The kept problems in line order (record-ID clashes with the store are found in batches, later than the line).</summary>
    public IReadOnlyList<ImportError> Sorted() => [.. _kept.OrderBy(e => e.LineNumber)];
}
