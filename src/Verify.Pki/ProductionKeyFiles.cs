using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Pki;

/// <summary>
/// Loads a production party's keys and its peers' certificates (the hub's <c>verify start</c>, the matching service),
/// collecting every problem as a sentence an operator can act on (a missing file, a key that does not belong to its
/// certificate, a certificate without its key), and refusing every certs-sample certificate (development only).
/// </summary>
/// <param name="problems">Where the problems go; the caller refuses to start while there are any.</param>
public sealed class ProductionKeyFiles(List<string> problems)
{
    public X509Certificate2? WithKey(KeyFileSettings? settings, string what)
    {
        if (settings is null)
        {
            problems.Add($"{what}: not configured (give 'certificate' and 'key' PEM files, or 'pkcs12' and 'passwordFile').");
            return null;
        }

        try
        {
            X509Certificate2 certificate;
            if (settings.Pkcs12 is { } pkcs12)
            {
                if (!Exists(pkcs12, what))
                {
                    return null;
                }

                var password = settings.PasswordFile is { } file && Exists(file, what + " password") ? File.ReadAllText(file).TrimEnd('\r', '\n') : null;
                certificate = X509CertificateLoader.LoadPkcs12FromFile(pkcs12, password);
            }
            else if (settings.Certificate is { } cert && settings.Key is { } key)
            {
                if (!Exists(cert, what) || !Exists(key, what))
                {
                    return null;
                }

                using var pem = X509Certificate2.CreateFromPemFile(cert, key);
                certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
            else
            {
                problems.Add($"{what}: give both 'certificate' and 'key', or 'pkcs12'.");
                return null;
            }

            if (!certificate.HasPrivateKey)
            {
                problems.Add($"{what}: the file has no private key.");
                return null;
            }

            return NotSample(certificate, what);
        }
        catch (CryptographicException ex)
        {
            problems.Add($"{what}: the key could not be loaded or does not match its certificate ({ex.Message}).");
            return null;
        }
    }

    public X509Certificate2? Public(string? path, string what)
    {
        if (path is null || !Exists(path, what))
        {
            return null;
        }

        try
        {
            return NotSample(X509CertificateLoader.LoadCertificateFromFile(path), what);
        }
        catch (CryptographicException ex)
        {
            problems.Add($"{what}: '{path}' is not a certificate ({ex.Message}).");
            return null;
        }
    }

    public List<X509Certificate2> Public(IEnumerable<string> paths, string what) =>
        [.. paths.Select((path, i) => Public(path, $"{what}[{i}]")).OfType<X509Certificate2>()];

    /// <summary>Certificates taken from registered metadata: certs-sample refused as well.</summary>
    public List<X509Certificate2> Registered(IEnumerable<X509Certificate2> certificates, string what) =>
        [.. certificates.Select(c => NotSample(c, what)).OfType<X509Certificate2>()];

    private X509Certificate2? NotSample(X509Certificate2 certificate, string what)
    {
        if (SampleCertificates.IsSample(certificate))
        {
            problems.Add($"{what}: '{certificate.Subject}' is a certs-sample development certificate; production refuses it. Use your federation's own keys.");
            return null;
        }

        return certificate;
    }

    private bool Exists(string path, string what)
    {
        if (File.Exists(path))
        {
            return true;
        }

        problems.Add($"{what}: file '{path}' not found.");
        return false;
    }
}
