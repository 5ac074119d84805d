using System.ComponentModel;

using Verify.Testing;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// Runs pysaml2 (Debian's python3-pysaml2) as an independent HTTP-Redirect peer, through
/// <c>Bindings/peers/pysaml2_redirect.py</c>. A missing pysaml2 fails the test: it is a required peer,
/// installed by <c>./test.sh</c>.
/// </summary>
internal static class Pysaml2Peer
{
    /// <summary>INTEROP.md: Debian's python, which sees Debian's packages; another python3 on PATH may not.</summary>
    public const string Python = "/usr/bin/python3";

    private const string NotInstalled = "pysaml2 is not installed: run ./test.sh, which installs python3-pysaml2 (apt-get install -y --no-install-recommends python3-pysaml2).";

    /// <summary>The peer script: next to the test binaries when copied there, else in the repository.</summary>
    public static string Script
    {
        get
        {
            var copied = Path.Combine(AppContext.BaseDirectory, "Bindings", "peers", "pysaml2_redirect.py");
            return File.Exists(copied) ? copied : RepoPaths.Combine("tests", "Verify.Saml.Tests", "Bindings", "peers", "pysaml2_redirect.py");
        }
    }

    /// <summary>
    /// pysaml2's <c>verify_redirect_signature</c> on each query, in one run (importing pysaml2 takes ~2 s):
    /// a line per query (valid, invalid, refused: …); exit 0 when all are valid, 1 when some are invalid.
    /// </summary>
    public static ProcessResult Verify(string certificatePemPath, params string[] queries) => Run(["verify", certificatePemPath, .. queries]);

    /// <summary>pysaml2's <c>http_redirect_message</c>, RSA-SHA256: the URL it redirects to.</summary>
    public static string Sign(string xml, string destination, string relayState, string keyPemPath)
    {
        var file = Path.Combine(Path.GetTempPath(), "verify-pysaml2-" + Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllText(file, xml);
        try
        {
            var result = Run(["sign", file, destination, relayState, keyPemPath]);
            Assert.That(result.ExitCode, Is.Zero, result.ToString);
            return result.StandardOutput.Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static ProcessResult Run(string[] arguments)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing. {NotInstalled}");
        }

        ProcessResult result;
        try
        {
            result = ExternalProcess.Run(Python, [Script, .. arguments], timeout: TimeSpan.FromSeconds(60));
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"{Python} could not be started ({ex.Message}). {NotInstalled}");
            throw;
        }

        if (result.ExitCode == 3)
        {
            Assert.Fail($"{NotInstalled} ({result.StandardError.Trim()})");
        }

        return result;
    }
}
