using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Verify.LoadBenchmark;

/// <summary>
/// The hub under test: <c>dotnet verify.dll start --config hub.json</c> as its own OS process, so its CPU time can be
/// read from <c>/proc</c> apart from everything else on the machine. Its output goes to <c>hub.log</c>.
/// </summary>
internal sealed class HubProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _closed;

    public HubProcess(VerifyCli cli, string configFile, string logFile, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = cli.StartInfo("start", "--config", configFile);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        LogFile = logFile;
        _log = new StreamWriter(logFile) { AutoFlush = true };
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string LogFile { get; }

    /// <summary>Waits (up to a minute) for <c>/health/ready</c>: PostgreSQL and Redis reachable, the node serving.</summary>
    public async Task<bool> WaitReadyAsync(Uri hubUrl, X509Certificate2 tls, string? plainHttpHubHost)
    {
        using var browser = new VirtualBrowser(tls, plainHttpHubHost, (_, _) => { });
        var ready = new Uri(hubUrl, "health/ready");
        for (var attempt = 0; attempt < 240 && !HasExited; attempt++)
        {
            try
            {
                if ((await browser.GetAsync("ready", ready).ConfigureAwait(false)).Status == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (JourneyFailure)
            {
                // Not listening yet.
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>The last lines the hub wrote (for a failure report).</summary>
    public string Tail(int lines = 30)
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var shared = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(shared);
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>Lines of the log that contain any of <paramref name="texts"/>.</summary>
    public int CountLines(params string[] texts)
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var shared = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(shared);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            count += texts.Any(t => line.Contains(t, StringComparison.Ordinal)) ? 1 : 0;
        }

        return count;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
