using System.Diagnostics;
using System.Text;

namespace Verify.Cli.Tests.Start;

/// <summary>One <c>verify start</c> hub node as its own OS process, stopped (killed) on dispose.</summary>
internal sealed class HubNodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    public HubNodeProcess(string configFile, int listenPort, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "verify.dll"));
        start.ArgumentList.Add("start");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configFile);
        start.Environment["VERIFY_hub__listenPort"] = listenPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ListenPort = listenPort;
    }

    public int ListenPort { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _disposed || _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Dispose()
    {
        // Idempotent: a test kills a node mid-journey, and the fixture disposes every node at the end.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
