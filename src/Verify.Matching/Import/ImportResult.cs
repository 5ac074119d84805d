namespace Verify.Matching.Import;

/// <summary>
/// The outcome of an import: every record written, or — when any line was bad — none, with the bad
/// lines reported by number (up to <see cref="RecordImporter.MaxReportedErrors"/>; <see cref="ErrorCount"/> counts all).
/// </summary>
/// <param name="RecordsImported">Records written; 0 when the import failed.</param>
/// <param name="LinesRead">Lines in the file, blank ones included.</param>
/// <param name="Errors">The problems found, in line order.</param>
/// <param name="ErrorCount">All problems found, including those not listed.</param>
public sealed record ImportResult(long RecordsImported, long LinesRead, IReadOnlyList<ImportError> Errors, long ErrorCount)
{
    /// <summary>True when the file was imported whole.</summary>
    public bool Succeeded => ErrorCount == 0;
}
