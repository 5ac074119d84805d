using System.Text;

namespace Verify.Pki;

/// <summary>
/// Writes a sample PKI's files into a folder. Existing files are never replaced unless the caller says
/// so; private keys are written readable by the owner only (on Unix).
/// </summary>
public static class SamplePkiWriter
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The full paths of those <paramref name="fileNames"/> that already exist in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> FindExisting(string directory, IEnumerable<string> fileNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(fileNames);
        return fileNames
            .Select(fileName => Path.Combine(directory, fileName))
            .Where(File.Exists)
            .ToList();
    }

    /// <summary>
    /// Writes every file into <paramref name="directory"/>, creating it if needed, and returns the paths written.
    /// </summary>
    /// <exception cref="IOException">
    /// <paramref name="overwrite"/> is false and some of the files exist; nothing was written.
    /// </exception>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<SamplePkiFile> files, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(files);

        // Check all before writing any, so a refusal leaves the folder as it was.
        var existing = FindExisting(directory, files.Select(file => file.FileName));
        if (!overwrite && existing.Count > 0)
        {
            throw new IOException(
                $"Refusing to overwrite {existing.Count} existing file(s) in '{directory}', e.g. '{Path.GetFileName(existing[0])}'.");
        }

        Directory.CreateDirectory(directory);
        var written = new List<string>(files.Count);
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.FileName);
            WriteFile(path, file);
            written.Add(path);
        }

        return written;
    }

    private static void WriteFile(string path, SamplePkiFile file)
    {
        // The platform check stays inline so the CA1416 analyzer can see it.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (file.IsPrivateKey && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, Utf8NoBom))
        {
            writer.Write(file.Content);
        }

        if (file.IsPrivateKey && !OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to new files; an overwritten key keeps its old mode otherwise.
            File.SetUnixFileMode(path, OwnerReadWrite);
        }
    }
}
