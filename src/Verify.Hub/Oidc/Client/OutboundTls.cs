using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// TLS trust for the hub's outbound calls when <see cref="HubOptions.OutboundTlsRoots"/> is set (start-dev, tests):
/// the host name must match and the chain must end at one of the configured self-signed roots; any other
/// certificate in the list is offered as an intermediate. Nothing else is trusted, not even the system's roots.
/// </summary>
internal static class OutboundTls
{
    public static bool IsTrusted(X509Certificate2? certificate, SslPolicyErrors errors, IReadOnlyList<X509Certificate2> roots)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var root in roots)
        {
            if (root.SubjectName.RawData.AsSpan().SequenceEqual(root.IssuerName.RawData))
            {
                chain.ChainPolicy.CustomTrustStore.Add(root);
            }
            else
            {
                chain.ChainPolicy.ExtraStore.Add(root);
            }
        }

        return chain.Build(certificate);
    }
}
