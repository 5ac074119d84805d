using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

using OpenIddict.Abstractions;
using OpenIddict.Client;

using Verify.Hub.Directory;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// OpenIddict client registrations for the OIDC IDPs of the federation store (ADR 0022, "Registrations per request").
/// OpenIddict's own registrations are fixed at start-up; an IDP added with the CLI must be usable without a restart,
/// so the registration for an issuer is built here on demand from the current directory and cached with it (a new
/// federation revision is a new directory and builds new registrations, so a changed client ID or a removed IDP takes
/// effect at once). The registration ID is the issuer: the state token carries it, and the callback resolves it again
/// from the directory current then — an IDP removed meanwhile has no registration and its answer is refused.
/// </summary>
public sealed class IdpClientRegistrations(HubOptions options, Uri callback)
{
    private readonly ConditionalWeakTable<IHubDirectory, ConcurrentDictionary<string, OpenIddictClientRegistration>> _byDirectory = [];

    /// <summary>The registration for the OIDC IDP with this issuer in <paramref name="directory"/>, or null when there is none.</summary>
    public OpenIddictClientRegistration? Find(IHubDirectory directory, string issuer, OpenIddictClientService service)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(service);
        if (directory.FindIdentityProvider(issuer) is not { Oidc: { } idp } party)
        {
            return null;
        }

        return _byDirectory.GetOrCreateValue(directory).GetOrAdd(idp.Issuer, _ => Build(party.DisplayName, idp, service));
    }

    private OpenIddictClientRegistration Build(string displayName, HubOidcIdentityProvider idp, OpenIddictClientService service)
    {
        var issuer = new Uri(idp.Issuer, UriKind.Absolute);
        var registration = new OpenIddictClientRegistration
        {
            RegistrationId = idp.Issuer,
            Issuer = issuer,
            ProviderDisplayName = displayName,
            ClientId = idp.ClientId,
            ClientType = ClientTypes.Confidential,

            // Absolute, from the hub's configured public URL: never from a request's Host header.
            RedirectUri = callback,

            // OIDC Discovery 4: the configuration sits under the issuer's path (the stub's issuers have one).
            ConfigurationEndpoint = new Uri(idp.Issuer.TrimEnd('/') + "/.well-known/openid-configuration", UriKind.Absolute),
        };

        // ADR 0022: code flow only, PKCE S256 (RFC 7636 4.2), the code in the query, private_key_jwt (OIDC Core 9).
        registration.GrantTypes.Add(GrantTypes.AuthorizationCode);
        registration.ResponseTypes.Add(ResponseTypes.Code);
        registration.ResponseModes.Add(ResponseModes.Query);
        registration.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
        registration.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.PrivateKeyJwt);
        registration.Scopes.Add(Scopes.OpenId);

        // Registered per IDP (e.g. profile, address): OIDC Core 5.4's scopes are how most providers release claims.
        registration.Scopes.UnionWith(idp.Scopes);

        // The client assertion is signed with the hub's signing key, the one published at HubClientJwks.
        registration.SigningCredentials.Add(SigningCredentialsFor(options.SigningCertificate));

        // A pinned key set replaces the discovery document's keys (ADR 0022): the registration is the trust anchor.
        IConfigurationRetriever<OpenIddictConfiguration> retriever = new OpenIddictClientRetriever(service, registration);
        if (idp.PinnedJwks is { } pinned)
        {
            retriever = new PinnedKeysRetriever(retriever, new JsonWebKeySet(pinned));
        }

        registration.ConfigurationManager = new ConfigurationManager<OpenIddictConfiguration>(registration.ConfigurationEndpoint.AbsoluteUri, retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(1),
            RefreshInterval = TimeSpan.FromSeconds(30),
        };
        return registration;
    }

    // The assertion's kid is the one HubClientJwks publishes, so an IDP that selects keys by kid finds it.
    private static SigningCredentials SigningCredentialsFor(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        return new SigningCredentials(
            new X509SecurityKey(certificate, HubClientJwks.KeyIdOf(certificate)), rsa is null ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256);
    }
}
