namespace Verify.Matching.Import;

/// <summary>How far an import has got, reported every <see cref="RecordImporter.ProgressInterval"/> lines and at the end of each pass.</summary>
/// <param name="Phase">Validating or writing.</param>
/// <param name="LinesRead">Lines read so far in this pass.</param>
/// <param name="RecordsWritten">Records written so far (0 while validating).</param>
/// <param name="BytesRead">Bytes read so far in this pass (approximate: reads are buffered).</param>
/// <param name="TotalBytes">The file's size, when known.</param>
public sealed record ImportProgress(ImportPhase Phase, long LinesRead, long RecordsWritten, long BytesRead, long? TotalBytes)
{
    /// <summary>Percentage of the pass done, when the size is known.</summary>
    public double? Percent => TotalBytes is > 0 ? Math.Min(100, 100.0 * BytesRead / TotalBytes.Value) : null;
}
