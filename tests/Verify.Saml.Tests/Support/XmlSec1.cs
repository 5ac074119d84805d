using System.Diagnostics;

namespace Verify.Saml.Tests.Support;

/// <summary>Runs Debian's xmlsec1 (an independent XML security implementation) as a test peer.</summary>
internal static class XmlSec1
{
    /// <summary>The SAML ID attributes xmlsec1 must know about to resolve '#ID' references.</summary>
    public static readonly string[] IdAttributes =
    [
        "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:Response",
        "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
        "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:AuthnRequest",
        "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:AttributeQuery",
        "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:LogoutRequest",
        "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:LogoutResponse",
        "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor",
        "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:EntitiesDescriptor",
    ];

    /// <summary>Runs xmlsec1 with the arguments; returns exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("xmlsec1")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("xmlsec1 did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException("xmlsec1 did not finish in 30 s.");
        }

        return (process.ExitCode, stdout.Result + stderr);
    }

    /// <summary>A temporary directory removed on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "verify-xmlsec-" + Guid.NewGuid().ToString("N"));

        public string Write(string name, string content)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, content);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
