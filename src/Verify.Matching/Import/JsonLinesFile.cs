using System.Text;

namespace Verify.Matching.Import;

/// <summary>One streaming pass over a JSON Lines file: every non-blank line with its 1-based number, and progress as it goes.</summary>
internal static class JsonLinesFile
{
    /// <summary>Calls <paramref name="onLine"/> for each non-blank line; returns the number of lines read.</summary>
    public static async Task<long> ReadAsync(
        Func<Stream> open,
        ImportPhase phase,
        IProgress<ImportProgress>? progress,
        Func<long, string, Task> onLine,
        CancellationToken cancellationToken,
        Func<long>? written = null)
    {
        var stream = open();
        await using (stream.ConfigureAwait(false))
        {
            long? total = stream.CanSeek ? stream.Length : null;
            using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var reader = new CappedLineReader(text, RecordImporter.MaxLineLength);
            long lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    await onLine(lineNumber, line).ConfigureAwait(false);
                }

                if (lineNumber % RecordImporter.ProgressInterval == 0)
                {
                    progress?.Report(new ImportProgress(phase, lineNumber, written?.Invoke() ?? 0, Position(stream), total));
                }
            }

            // The writing pass reports its own end, once the last batch is saved.
            if (phase == ImportPhase.Validating)
            {
                progress?.Report(new ImportProgress(phase, lineNumber, 0, total ?? Position(stream), total));
            }

            return lineNumber;
        }
    }

    private static long Position(Stream stream) => stream.CanSeek ? stream.Position : 0;
}
