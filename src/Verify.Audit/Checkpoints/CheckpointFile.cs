using System.Text;

namespace Verify.Audit.Checkpoints;

/// <summary>
/// The checkpoint file: one <see cref="AuditCheckpoint"/> JSON line after another, appended, never rewritten. It lives
/// outside the database (another disk, a write-once bucket, a log shipper's input), which is the point of it.
/// </summary>
internal static class CheckpointFile
{
    /// <summary>Appends one line and flushes it to disk before returning. Creates the file when missing.</summary>
    public static async Task AppendAsync(string path, AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        // FileShare.Read: one writer at a time; a second checkpointer fails with an IOException rather than interleaving.
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var separator = "";
            if (stream.Length > 0)
            {
                // A line cut short by a crash must not swallow the next checkpoint: start a new line.
                stream.Seek(-1, SeekOrigin.End);
                separator = stream.ReadByte() == '\n' ? "" : "\n";
            }

            stream.Seek(0, SeekOrigin.End);
            var bytes = Encoding.UTF8.GetBytes(separator + checkpoint.ToJsonLine() + "\n");
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every non-blank line with its 1-based line number; nothing when the file does not exist and <paramref name="mustExist"/> is false.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist and <paramref name="mustExist"/> is true.</exception>
    public static async Task<IReadOnlyList<(int Line, string Text)>> ReadAsync(string path, bool mustExist, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return mustExist ? throw new FileNotFoundException($"There is no checkpoint file at '{path}'.", path) : [];
        }

        var lines = await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        return [.. lines.Select((text, index) => (index + 1, text)).Where(l => !string.IsNullOrWhiteSpace(l.text))];
    }
}
