using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// The TLS side of the connection to the department's endpoint: an optional client certificate (mutual TLS, as the
/// matching service's <c>POST /match</c> requires outside development) and optionally the CA certificates to trust for
/// the endpoint's own certificate instead of the system's (a test system under a private CA).
/// </summary>
internal sealed class EndpointTls : IDisposable
{
    private readonly X509Certificate2? _clientCertificate;
    private readonly X509Certificate2Collection? _roots;
    private readonly X509Certificate2Collection _intermediates;

    private EndpointTls(X509Certificate2? clientCertificate, X509Certificate2Collection? roots, X509Certificate2Collection intermediates)
    {
        _clientCertificate = clientCertificate;
        _roots = roots;
        _intermediates = intermediates;
    }

    /// <summary>Loads the PEM files given on the command line.</summary>
    /// <param name="certificatePem">The client certificate, or null for none.</param>
    /// <param name="keyPem">Its unencrypted private key (PKCS#8, PKCS#1 or SEC1 PEM).</param>
    /// <param name="caPem">Root CA certificate (and any intermediates) to trust for the endpoint, or null for the system's.</param>
    /// <exception cref="System.Security.Cryptography.CryptographicException">A file is not what it should be.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="ArgumentException">The CA file holds no root certificate.</exception>
    public static EndpointTls Load(string? certificatePem, string? keyPem, string? caPem)
    {
        X509Certificate2? client = null;
        if (certificatePem is not null)
        {
            using var fromPem = X509Certificate2.CreateFromPemFile(certificatePem, keyPem);

            // A key read from PEM is ephemeral, which SslStream cannot use on every platform: round-trip through PKCS#12.
            client = X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pkcs12), null);
        }

        X509Certificate2Collection? roots = null;
        var intermediates = new X509Certificate2Collection();
        if (caPem is not null)
        {
            var all = new X509Certificate2Collection();
            all.ImportFromPemFile(caPem);
            roots = [.. all.Where(IsSelfIssued)];
            intermediates.AddRange(all.Where(c => !IsSelfIssued(c)).ToArray());
            if (roots.Count == 0)
            {
                client?.Dispose();
                throw new ArgumentException($"'{caPem}' holds no root (self-issued) CA certificate.", nameof(caPem));
            }
        }

        return new EndpointTls(client, roots, intermediates);
    }

    /// <summary>A handler that presents the client certificate, checks the endpoint's certificate, and follows no redirects.</summary>
    public SocketsHttpHandler CreateHandler(TimeSpan connectTimeout) => new()
    {
        // The matching service follows no redirect from a local matching service; neither does its conformance tool.
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = connectTimeout,
        SslOptions = new SslClientAuthenticationOptions
        {
            ClientCertificates = _clientCertificate is null ? null : [_clientCertificate],
            LocalCertificateSelectionCallback = _clientCertificate is null ? null : (_, _, _, _, _) => _clientCertificate,
            RemoteCertificateValidationCallback = _roots is null ? null : TrustGivenRoots,
        },
    };

    public void Dispose()
    {
        _clientCertificate?.Dispose();
        foreach (var certificate in (_roots ?? []).Concat(_intermediates))
        {
            certificate.Dispose();
        }
    }

    private static bool IsSelfIssued(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    /// <summary>The endpoint's certificate must name the host and chain to one of the given roots (revocation not checked: test systems rarely publish CRLs).</summary>
    private bool TrustGivenRoots(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(_roots!);
        custom.ChainPolicy.ExtraStore.AddRange(_intermediates);
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }
}
