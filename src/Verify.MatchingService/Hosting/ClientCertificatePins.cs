using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verify.MatchingService.Hosting;

/// <summary>
/// The client certificates allowed to call <c>POST /match</c> over mutual TLS, pinned by SHA-256 thumbprint: the
/// department issues them to its own systems, so a chain to a public CA would prove nothing and is not looked at.
/// </summary>
internal sealed class ClientCertificatePins
{
    private readonly HashSet<string> _thumbprints;

    public ClientCertificatePins(IEnumerable<X509Certificate2> certificates)
    {
        _thumbprints = new HashSet<string>(certificates.Select(c => c.GetCertHashString(HashAlgorithmName.SHA256)), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="certificate"/> is one of the pinned certificates.</summary>
    public bool Allows(X509Certificate2? certificate) =>
        certificate is not null && _thumbprints.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA256));
}
