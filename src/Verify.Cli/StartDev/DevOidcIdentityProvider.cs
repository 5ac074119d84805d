using System.Security.Cryptography.X509Certificates;

using Verify.Federation;
using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Hub;
using Verify.StubIdp.Oidc;
using Verify.Web.Hosting;

namespace Verify.Cli.StartDev;

/// <summary>
/// The stub IDP's OpenID Connect side in the development federation (ADR 0022): "Stub IDP One" also answers as an
/// OpenID Provider, registered with the hub by its issuer as a separate IDP, so every protocol combination can be tried
/// from one start-dev. Its issuer is on <c>localhost</c> (the stub's port): the hub's back channel (discovery, JWKS, token
/// request) and the browser both reach it without /etc/hosts, and the sample TLS certificate names it.
/// </summary>
internal static class DevOidcIdentityProvider
{
    /// <summary>The white-labelled IDP that also speaks OpenID Connect.</summary>
    public const string Slug = "stub-idp-one";

    /// <summary>The hub's client ID at the stub.</summary>
    public const string HubClientId = DevFederation.HubEntityId + "/oidc";

    /// <summary>The stub's OpenID Provider options: the hub as its one client, with the hub's callback.</summary>
    public static StubOidcOptions StubOptions(HubEndpoints hub, WebAppEndpoint idp) => new()
    {
        HubClientId = HubClientId,
        HubRedirectUris = [hub.OidcClientCallback.AbsoluteUri],
        PublicBaseUrl = PublicBase(idp),
    };

    /// <summary>The hub's trust for its calls to the stub: the sample TLS root and CA (none over plain http).</summary>
    public static IReadOnlyList<X509Certificate2> HubOutboundTrust(DevKeys keys, bool plainHttp) =>
        plainHttp ? [] : [keys.Public("root-ca"), keys.Public("tls-ca")];

    /// <summary>The issuer the hub registers.</summary>
    public static string Issuer(WebAppEndpoint idp) => new Uri(PublicBase(idp), $"{Slug}/oidc").AbsoluteUri;

    /// <summary>Registers (or refreshes, for the ports of this run) the stub's OpenID Provider as an IDP.</summary>
    public static Task RegisterAsync(FederationStore store, WebAppEndpoint idp, bool allowLoopbackHttp, CancellationToken cancellationToken) =>
        store.AddOrUpdateOidcIdentityProvidersAsync(
            [
                OidcIdentityProviderRegistration.Create(
                    new OidcIdentityProviderSettings
                    {
                        Issuer = Issuer(idp),
                        ClientId = HubClientId,
                        Levels = ["LEVEL_1", "LEVEL_2"],
                        DisplayName = new BilingualText("Stub IDP One (OpenID Connect)", "Stub IDP Un (OpenID Connect)"),

                        // After the SAML stubs on the choose page, so the SAML journeys look as they always have.
                        DisplayOrder = 100,
                    },
                    allowLoopbackHttp),
            ],
            cancellationToken);

    private static Uri PublicBase(WebAppEndpoint idp) =>
        idp.IsHttps ? new Uri($"https://localhost:{idp.PublicBaseUrl.Port}/") : idp.PublicBaseUrl;
}
