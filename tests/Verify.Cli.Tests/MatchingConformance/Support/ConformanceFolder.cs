using Microsoft.Data.Sqlite;

using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests.MatchingConformance.Support;

/// <summary>
/// A temporary folder holding what a department starts from: the export of <c>verify matching conformance export</c>,
/// and a SQLite records store with <c>conformance-records.jsonl</c> imported by <c>verify matching import</c>, both run
/// through the command line as a department would.
/// </summary>
internal sealed class ConformanceFolder : IDisposable
{
    private ConformanceFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public string Export => System.IO.Path.Combine(Path, "export");

    public string Scenarios => System.IO.Path.Combine(Export, "scenarios");

    public string Records => System.IO.Path.Combine(Export, "conformance-records.jsonl");

    public string Connection => $"Data Source={System.IO.Path.Combine(Path, "records.db")}";

    public static ConformanceFolder Create()
    {
        var folder = new ConformanceFolder(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "verify-conformance-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    /// <summary>Exports the built-in files and imports the records into <see cref="Connection"/>.</summary>
    public ConformanceFolder WithImportedRecords()
    {
        var export = CliRun.InProcess("matching", "conformance", "export", Export);
        Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.Success), export.Error);
        var import = CliRun.InProcess("matching", "import", Records, "--connection", Connection);
        Assert.That(import.ExitCode, Is.EqualTo(ExitCodes.Success), import.Error);
        Assert.That(import.Output, Does.Contain("Imported 17 record(s)"));
        return this;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
