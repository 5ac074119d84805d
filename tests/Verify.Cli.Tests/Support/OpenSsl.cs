using Verify.Testing;

namespace Verify.Cli.Tests.Support;

/// <summary>The real <c>openssl</c> as an independent judge of our certificates.</summary>
internal static class OpenSsl
{
    /// <summary>
    /// <c>openssl verify -x509_strict -CAfile root-ca.crt [-untrusted {intermediate}.crt] {options} {leaf}.crt</c>
    /// in <paramref name="folder"/>.
    /// </summary>
    public static ProcessResult Verify(string folder, string leaf, string? intermediate, params string[] options)
    {
        var arguments = new List<string> { "verify", "-x509_strict", "-CAfile", Path.Combine(folder, "root-ca.crt") };
        if (intermediate is not null)
        {
            arguments.Add("-untrusted");
            arguments.Add(Path.Combine(folder, intermediate + ".crt"));
        }

        arguments.AddRange(options);
        arguments.Add(Path.Combine(folder, leaf + ".crt"));
        return ExternalProcess.Run("openssl", arguments);
    }
}
