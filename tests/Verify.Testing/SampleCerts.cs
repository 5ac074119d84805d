using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Testing;

/// <summary>
/// The committed sample federation PKI (<c>certs-sample/</c>), loaded by file stem:
/// <c>SampleCerts.CertificateWithKey("stub-idp-signing")</c> reads <c>stub-idp-signing.crt</c> and
/// <c>stub-idp-signing.key</c>. Everything is loaded once and shared, so callers must not dispose what
/// they get. Sample material only: see <c>certs-sample/README.md</c>.
/// </summary>
public static class SampleCerts
{
    private static readonly ConcurrentDictionary<string, X509Certificate2> Certificates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, X509Certificate2> CertificatesWithKeys = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, RSA> RsaKeys = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ECDsa> EcdsaKeys = new(StringComparer.Ordinal);

    /// <summary>The folder, <c>certs-sample/</c> at the repository root.</summary>
    public static string Folder => RepoPaths.CertsSample;

    /// <summary>The path of <c>{stem}.crt</c>.</summary>
    public static string CertificatePath(string stem)
    {
        return PathOf(stem, ".crt");
    }

    /// <summary>The path of <c>{stem}.key</c> (unencrypted PKCS#8 PEM).</summary>
    public static string KeyPath(string stem)
    {
        return PathOf(stem, ".key");
    }

    /// <summary>The certificate <c>{stem}.crt</c>, public part only (shared: do not dispose).</summary>
    public static X509Certificate2 Certificate(string stem)
    {
        return Certificates.GetOrAdd(
            stem, static s => X509Certificate2.CreateFromPem(File.ReadAllText(CertificatePath(s))));
    }

    /// <summary>
    /// The certificate <c>{stem}.crt</c> with the private key <c>{stem}.key</c> (shared: do not dispose).
    /// The key is ephemeral; on Windows, export it to PKCS#12 first if SslStream must use it.
    /// </summary>
    public static X509Certificate2 CertificateWithKey(string stem)
    {
        return CertificatesWithKeys.GetOrAdd(
            stem, static s => X509Certificate2.CreateFromPemFile(CertificatePath(s), KeyPath(s)));
    }

    /// <summary>The RSA private key <c>{stem}.key</c> (shared: do not dispose).</summary>
    public static RSA RsaKey(string stem)
    {
        return RsaKeys.GetOrAdd(stem, static s =>
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(KeyPath(s)));
            return rsa;
        });
    }

    /// <summary>The ECDSA private key <c>{stem}.key</c> (shared: do not dispose).</summary>
    public static ECDsa EcdsaKey(string stem)
    {
        return EcdsaKeys.GetOrAdd(stem, static s =>
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(File.ReadAllText(KeyPath(s)));
            return ecdsa;
        });
    }

    private static string PathOf(string stem, string extension)
    {
        ArgumentException.ThrowIfNullOrEmpty(stem);
        if (stem.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || stem.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{stem}' is not a file stem.", nameof(stem));
        }

        var path = Path.Combine(Folder, stem + extension);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"No sample file '{stem}{extension}' in {Folder}; see certs-sample/README.md.", path);
    }
}
