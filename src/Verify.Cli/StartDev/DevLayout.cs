using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

using Verify.Hub;
using Verify.Hub.Limits;
using Verify.MatchingService;
using Verify.Saml.Saml;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.StubIdp;
using Verify.TestRp;
using Verify.Web.Hosting;

namespace Verify.Cli.StartDev;

/// <summary>Where each development app listens and with which keys and options: the one place start-dev composes them.</summary>
internal sealed record DevLayout(
    HubOptions Hub,
    WebAppEndpoint HubEndpoint,
    StubIdpOptions StubIdp,
    WebAppEndpoint IdpEndpoint,
    TestRpOptions TestRp,
    WebAppEndpoint RpEndpoint,
    MatchingServiceOptions MatchingService,
    WebAppEndpoint MsEndpoint)
{
    public static DevLayout Create(DevFederationOptions options, DevKeys keys, byte[] pairwiseSecret, byte[] auditKey)
    {
        var tls = options.PlainHttp ? null : keys.WithKey("tls");
        var hubEndpoint = Endpoint("hub.test", options.HubPort, options.PlainHttp, tls);
        var idpEndpoint = Endpoint("idp.test", options.IdpPort, options.PlainHttp, tls);
        var rpEndpoint = Endpoint("rp.test", options.RpPort, options.PlainHttp, tls);

        // The matching service is called by the hub only, server to server: plain http on the loopback in both layouts
        // (ADR 0020), so the hub needs no trust in the sample TLS root for it.
        var msEndpoint = Endpoint("ms.test", options.MsPort, plainHttp: true, tls: null);
        var hubEndpoints = new HubEndpoints(hubEndpoint);
        var time = options.TimeProvider;
        var hub = new HubOptions
        {
            EntityId = DevFederation.HubEntityId,
            SigningCertificate = keys.WithKey("hub-signing"),
            OidcEcSigningCertificate = DevKeys.EphemeralOidcEc(),
            EncryptionCertificates = [keys.WithKey("hub-encryption")],
            PairwiseSecret = pairwiseSecret,
            AuditKey = auditKey,
            TrustAnchors = keys.TrustAnchors(),
            TimeProvider = time,
            // http peers on loopback hosts: every peer in the plain layout; the matching service in both (ADR 0020).
            AllowLoopbackHttp = true,

            // One developer (or one browser test run) makes every request from 127.0.0.1: keep the limits, loosely.
            RateLimits = new RateLimitOptions { PerClient = 600 },

            // The hub's calls to the stub's OpenID Provider (ADR 0022) trust the sample TLS root, and nothing else.
            OutboundTlsRoots = DevOidcIdentityProvider.HubOutboundTrust(keys, options.PlainHttp),
        };
        var stub = new StubIdpOptions
        {
            HubEntityId = DevFederation.HubEntityId,
            HubAcsUrl = hubEndpoints.AssertionConsumer.AbsoluteUri,
            HubSigningCertificates = [keys.Public("hub-signing")],
            HubEncryptionCertificate = keys.Public("hub-encryption"),
            SigningCertificate = keys.WithKey("stub-idp-signing"),
            TimeProvider = time,

            // Stub IDP One also answers as an OpenID Provider (ADR 0022).
            Oidc = DevOidcIdentityProvider.StubOptions(hubEndpoints, idpEndpoint),
        };
        var rp = new TestRpOptions
        {
            HubEntityId = DevFederation.HubEntityId,
            HubSsoUrl = hubEndpoints.SingleSignOn,
            HubSigningCertificates = [keys.Public("hub-signing")],
            SigningCredential = SigningCredential.FromCertificate(keys.WithKey("test-rp-signing")),
            DecryptionKeys = [DecryptionKey.FromCertificate(keys.WithKey("test-rp-encryption"))],

            // The test RP accepts LEVEL_1 and LEVEL_2 (config/federation.json), so every stub IDP button shows a result.
            RequestedLevels = [AuthnContexts.Level1],
            TimeProvider = time,

            // Two more registrations with matching (hub-asserted and end-to-end), chosen on the start page.
            Services = DevMatchingRegistrations.Services(keys),

            // And two that sign in with OpenID Connect (ADR 0024, ?service=oidc; with matching, ?service=oidc-matching).
            OidcClients = DevOidcRelyingParty.Options(keys, hubEndpoint, options.PlainHttp),
        };
        var matchingService = new MatchingServiceOptions
        {
            EntityId = DevMatchingService.EntityId,
            SigningCertificate = keys.WithKey("matching-service-signing"),
            EncryptionCertificates = [keys.WithKey("matching-service-encryption")],
            HubEntityId = DevFederation.HubEntityId,
            HubSigningCertificates = [keys.Public("hub-signing")],
            HubEncryptionCertificate = keys.Public("hub-encryption"),

            // The stub IDPs' own key, pinned: the hub cannot forge an identity the IDP did not sign (ADR 0016).
            Idps = [.. stub.Idps.Select(idp => new TrustedIdp(idp.EntityId, [keys.Public("stub-idp-signing")]))],

            // And its OpenID Connect side: ID tokens signed with the same key, relayed as evidence (ADR 0025).
            OidcIdps =
            [
                new TrustedOidcIdp(
                    DevOidcIdentityProvider.Issuer(idpEndpoint), DevOidcIdentityProvider.HubClientId, [TrustedOidcIdp.KeyFromCertificate(keys.Public("stub-idp-signing"))]),
            ],
            TimeProvider = time,
        };
        return new DevLayout(hub, hubEndpoint, stub, idpEndpoint, rp, rpEndpoint, matchingService, msEndpoint);
    }

    public DevParties Parties() => new(StubIdp, IdpEndpoint, TestRp, RpEndpoint);

    private static WebAppEndpoint Endpoint(string host, int port, bool plainHttp, X509Certificate2? tls)
    {
        var chosen = port == 0 ? FreePort() : port;
        return plainHttp
            ? new WebAppEndpoint(new Uri($"http://127.0.0.1:{chosen}/"))
            : new WebAppEndpoint(new Uri($"https://{host}:{chosen}/"), tls);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
