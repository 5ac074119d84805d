using System.Diagnostics;

namespace Verify.LoadBenchmark;

/// <summary>The built <c>verify</c> CLI, run as its own process the way an operator runs it.</summary>
internal sealed class VerifyCli(string verifyDll)
{
    public string Dll { get; } = verifyDll;

    /// <summary>Runs <c>verify ARGS</c>; throws with its output when it fails.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var (code, output) = await RunProcessAsync("dotnet", [Dll, .. args]).ConfigureAwait(false);
        return code == 0 ? output : throw new InvalidOperationException($"verify {string.Join(' ', args.Take(2))} exited {code}:\n{output}");
    }

    /// <summary>A start description for <c>dotnet verify.dll ARGS</c>.</summary>
    public ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    /// <summary>The repository's root (the folder holding Verify.sln), found from this program's folder.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>Runs any program to completion: exit code and combined output.</summary>
    public static async Task<(int Code, string Output)> RunProcessAsync(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, (await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false)));
    }
}
