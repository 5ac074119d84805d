using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

using Verify.Federation;
using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Saml.Saml;
using Verify.TestRp;
using Verify.TestRp.Oidc;
using Verify.Web.Hosting;

namespace Verify.Cli.StartDev;

/// <summary>
/// The test RP's OpenID Connect registration in the development federation (ADR 0024), beside its SAML ones: the
/// client <see cref="ClientId"/> with the RP's redirect URI (exact), its <c>private_key_jwt</c> key as a registered
/// JWKS, LEVEL_1 and LEVEL_2, the <c>verified_claims</c> scope with the five identity claims, and a sector of its own
/// (so its pairwise <c>sub</c> is unrelated to the SAML registration's). The citizen chooses it with <c>?service=oidc</c>.
/// </summary>
internal static class DevOidcRelyingParty
{
    /// <summary>The client ID (not any SAML entity ID: one namespace, ADR 0021).</summary>
    public const string ClientId = TestRpOptions.DefaultEntityId + "/oidc";

    /// <summary>The sector of its pairwise <c>sub</c> (OIDC Core 8.1).</summary>
    public const string Sector = "https://rp.test/oidc-sector";

    /// <summary>The claims its registration releases in <c>verified_claims</c>.</summary>
    public static IReadOnlyList<string> Claims { get; } = ["given_name", "middle_name", "family_name", "birthdate", "address"];

    /// <summary>
    /// The test RP's side. Its client assertion key is the sample test RP signing key (development only: one key for
    /// the service's signatures in both protocols; a department may keep two).
    /// </summary>
    public static TestRpOidcOptions Options(DevKeys keys, WebAppEndpoint hubEndpoint, bool plainHttp) => new()
    {
        ClientId = ClientId,
        DisplayName = "Test service, OpenID Connect",

        // The hub's issuer: its public base URL with the root path (ADR 0021), compared exactly.
        Issuer = new Uri(hubEndpoint.PublicBaseUrl, "/"),
        ClientAssertionCertificate = keys.WithKey("test-rp-signing"),
        RequestedLevels = [AuthnContexts.Level1, AuthnContexts.Level2],
        Backchannel = () => Backchannel(hubEndpoint.PublicBaseUrl, plainHttp ? null : (keys.Public("root-ca"), keys.Public("tls-ca"))),
    };

    /// <summary>Registers (or refreshes) the client in the federation store, for the RP at <paramref name="rpBaseUrl"/>.</summary>
    public static async Task RegisterAsync(FederationStore store, TestRpOidcOptions rp, Uri rpBaseUrl, bool allowLoopbackHttp, CancellationToken cancellationToken)
    {
        var settings = new OidcRelyingPartySettings
        {
            ClientId = rp.ClientId,
            DisplayName = new BilingualText(rp.DisplayName, "Gwasanaeth prawf, OpenID Connect"),
            Levels = ["LEVEL_1", "LEVEL_2"],
            RedirectUris = [new Uri(rpBaseUrl, TestRpPaths.OidcCallback).AbsoluteUri],
            Jwks = OidcClientKey.PublicJwks(rp.ClientAssertionCertificate),
            Scopes = ["openid", "verified_claims"],
            Claims = Claims,
            Sector = Sector,
            ServiceHomepage = new Uri(rpBaseUrl, "?service=" + rp.Key).AbsoluteUri,
            OtherWaysToAccess = new BilingualText(
                "You can also use this service by post: write to Test Service, PO Box 1234, Testville TE1 1ST.",
                "Gallwch hefyd ddefnyddio'r gwasanaeth hwn drwy'r post: ysgrifennwch at Wasanaeth Prawf, Blwch Post 1234, Testville TE1 1ST."),
        };
        await store.AddOrUpdateOidcRelyingPartyAsync(OidcRelyingPartyRegistration.Create(settings, allowLoopbackHttp), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The RP's calls to the hub: to the hub's host and port only, connected on the loopback (start-dev serves every app
    /// there; no /etc/hosts needed), trusting only the sample root through the sample TLS CA (null: plain http).
    /// </summary>
    private static SocketsHttpHandler Backchannel(Uri hub, (X509Certificate2 Root, X509Certificate2 Intermediate)? trust) => new()
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
