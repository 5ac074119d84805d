using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

using Verify.Testing;

namespace Verify.Hub.Tests.Oidc.Provider.Interop;

/// <summary>
/// openid-client (npm, OpenID-certified) as a relying party of the hub, through <c>tests/interop/openid-client/signin.mjs</c>:
/// it prints the authorization URL, waits for the callback URL on stdin, redeems the code and prints what it validated.
/// A missing node/npm fails the test: openid-client is a required peer, installed by <c>./test.sh</c>.
/// </summary>
internal sealed class OpenIdClientPeer : IDisposable
{
    private const string NotInstalled = "node and npm are needed for the openid-client interop test: run ./test.sh, which installs them (apt-get install -y --no-install-recommends nodejs npm).";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly string _caFile;

    private OpenIdClientPeer(Process process, string caFile)
    {
        _process = process;
        _caFile = caFile;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The npm package: package.json, package-lock.json and signin.mjs.</summary>
    public static string Folder => RepoPaths.Combine("tests", "interop", "openid-client");

    /// <summary><c>npm ci</c> (from the lock file, the local cache first) when the packages are not installed yet.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (File.Exists(Path.Combine(Folder, "node_modules", "openid-client", "package.json"))
                && File.Exists(Path.Combine(Folder, "node_modules", "undici", "package.json")))
            {
                return;
            }

            var result = Run(() => ExternalProcess.Run("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], Folder, TimeSpan.FromMinutes(5)));
            Assert.That(result.ExitCode, Is.Zero, "npm ci in " + Folder + ": " + result);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Starts the script: openid-client discovers <paramref name="issuer"/> and builds the authorization request.</summary>
    /// <param name="issuer">The hub's issuer (its base URL), reached on loopback under its own name.</param>
    /// <param name="privateJwk">The client's private RSA JWK, given in the environment (never on a command line).</param>
    /// <param name="arguments">The script's other options (<c>--client-id</c>, <c>--redirect-uri</c>, <c>--par</c>…).</param>
    public static OpenIdClientPeer Start(Uri issuer, string privateJwk, params string[] arguments)
    {
        // The hub serves the certs-sample TLS certificate: Node trusts the sample root (and its TLS CA), nothing is disabled.
        var caFile = Path.Combine(Path.GetTempPath(), "verify-openid-client-ca-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(caFile, File.ReadAllText(SampleCerts.CertificatePath("root-ca")) + File.ReadAllText(SampleCerts.CertificatePath("tls-ca")));
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        startInfo.Environment["NODE_EXTRA_CA_CERTS"] = caFile;
        startInfo.Environment["OIDC_CLIENT_JWK"] = privateJwk;
        foreach (var argument in (string[])["signin.mjs", "--issuer", issuer.AbsoluteUri, "--resolve", issuer.Host + "=127.0.0.1", .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Run(() => Process.Start(startInfo)) ?? throw new InvalidOperationException("node did not start.");
        return new OpenIdClientPeer(process, caFile);
    }

    /// <summary>The first line the script prints: the authorization URL (and whether it was pushed first).</summary>
    public async Task<JsonDocument> AuthorizationRequestAsync() => JsonDocument.Parse(await ReadLineAsync("the authorization URL").ConfigureAwait(false));

    /// <summary>Gives the script the callback URL; returns what openid-client validated, or fails with its error.</summary>
    public async Task<JsonDocument> FinishAsync(Uri callback)
    {
        await _process.StandardInput.WriteLineAsync(callback.AbsoluteUri).ConfigureAwait(false);
        _process.StandardInput.Close();
        return JsonDocument.Parse(await ReadLineAsync("the validated tokens").ConfigureAwait(false));
    }

    /// <summary>Gives the script the callback URL and expects it to refuse: its exit code and what it wrote on stderr.</summary>
    public async Task<(int ExitCode, string Error)> RefuseAsync(Uri callback)
    {
        await _process.StandardInput.WriteLineAsync(callback.AbsoluteUri).ConfigureAwait(false);
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(StepTimeout).ConfigureAwait(false);
        return (_process.ExitCode, await _stderr.ConfigureAwait(false));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        File.Delete(_caFile);
    }

    private async Task<string> ReadLineAsync(string what)
    {
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync().WaitAsync(StepTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"openid-client printed no {what} within {StepTimeout.TotalSeconds} s.");
            throw;
        }

        if (line is null)
        {
            await _process.WaitForExitAsync().WaitAsync(StepTimeout).ConfigureAwait(false);
            Assert.Fail($"openid-client failed before printing {what} (exit {_process.ExitCode}): {(await _stderr.ConfigureAwait(false)).Trim()}");
        }

        return line!;
    }

    private static T Run<T>(Func<T> start)
    {
        try
        {
            return start();
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"{NotInstalled} ({ex.Message})");
            throw;
        }
    }
}
