using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Cli.StartDev;

/// <summary>
/// The test RP's OIDC back channel in start-dev (discovery, JWKS, PAR, token, userinfo): every registration's calls go
/// to the hub only.
/// </summary>
internal static class DevHubBackchannel
{
    /// <summary>
    /// The RP's calls to the hub: to the hub's host and port only, connected on the loopback (start-dev serves every app
    /// there; no /etc/hosts needed), trusting only the sample root through the sample TLS CA (null: plain http).
    /// </summary>
    public static SocketsHttpHandler Create(Uri hub, (X509Certificate2 Root, X509Certificate2 Intermediate)? trust) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            if (!string.Equals(context.DnsEndPoint.Host, hub.Host, StringComparison.OrdinalIgnoreCase) || context.DnsEndPoint.Port != hub.Port)
            {
                throw new HttpRequestException($"The test RP's back channel only goes to {hub.Authority}.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, hub.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = trust is { } anchors
            ? new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustsSampleRoot(certificate, errors, anchors) }
            : new SslClientAuthenticationOptions(),
    };

    private static bool TrustsSampleRoot(X509Certificate? certificate, SslPolicyErrors errors, (X509Certificate2 Root, X509Certificate2 Intermediate) anchors)
    {
        // The name must match as usual; only the chain is judged against the sample root instead of the machine's.
        if (certificate is not X509Certificate2 server || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchors.Root);
        chain.ChainPolicy.ExtraStore.Add(anchors.Intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }
}
