namespace Verify.Testing;

/// <summary>
/// Paths inside the repository, found from the test assembly's folder, so tests read committed files
/// (certs-sample, config, fixtures) wherever the repository is checked out.
/// </summary>
public static class RepoPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "Verify.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries that holds <c>Verify.sln</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder (the tests run outside a checkout).</exception>
    public static string Root => LazyRoot.Value;

    /// <summary>The committed sample federation PKI, <c>certs-sample/</c>.</summary>
    public static string CertsSample => Path.Combine(Root, "certs-sample");

    /// <summary>A path below the repository root, e.g. <c>RepoPaths.Combine("config", "hub.json")</c>.</summary>
    public static string Combine(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return Path.Combine([Root, .. parts]);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder holding {SolutionFileName} above '{AppContext.BaseDirectory}'; run the tests from a checkout.");
    }
}
