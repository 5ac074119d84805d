using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verify.LoadBenchmark;

/// <summary>
/// Fresh keys for one run, never the certs-sample ones (<c>verify start</c> refuses those for the hub, and a benchmark
/// should not depend on them for the parties either): RSA 2048 self-signed certificates written as PEM files, the
/// way an operator hands them to <c>hub.json</c>.
/// </summary>
internal sealed class BenchKeys(string folder)
{
    /// <summary>The certificate with its private key, and the PEM files holding them.</summary>
    public sealed record KeyPair(X509Certificate2 Certificate, string CertificateFile, string KeyFile)
    {
        /// <summary>The certificate alone (what peers pin).</summary>
        public X509Certificate2 PublicOnly() => X509CertificateLoader.LoadCertificate(Certificate.RawData);

        /// <summary>The <c>hub.json</c> form: PEM certificate and key files.</summary>
        public object Settings => new { certificate = CertificateFile, key = KeyFile };
    }

    public KeyPair Rsa(string name, params string[] dnsNames)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Verify load benchmark {name}, O=Load benchmark federation", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (dnsNames.Length > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var dns in dnsNames)
            {
                san.AddDnsName(dns);
            }

            request.CertificateExtensions.Add(san.Build());
        }

        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var stem = Path.Combine(folder, name);
        File.WriteAllText(stem + ".crt", certificate.ExportCertificatePem());
        File.WriteAllText(stem + ".key", rsa.ExportPkcs8PrivateKeyPem());
        return new KeyPair(X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null), stem + ".crt", stem + ".key");
    }

    /// <summary>A file of <paramref name="bytes"/> random bytes, base64 (the pairwise secret, the audit key).</summary>
    public string Secret(string name, int bytes = 32)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
        return path;
    }

    /// <summary>An ECDSA P-256 private key in PEM (PKCS#8), e.g. for signing audit checkpoints.</summary>
    public string EcPrivateKey(string name)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(folder, name + ".key");
        File.WriteAllText(path, ecdsa.ExportPkcs8PrivateKeyPem());
        return path;
    }
}
