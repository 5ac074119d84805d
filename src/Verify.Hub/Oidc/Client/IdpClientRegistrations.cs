using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

using OpenIddict.Abstractions;
using OpenIddict.Client;

using Verify.Federation;
using Verify.Federation.Parties;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// OpenIddict client registrations for the OIDC IDPs of the federation store (ADR 0022, "Registrations per request").
/// OpenIddict's own registrations are fixed at start-up; an IDP added with the CLI must be usable without a restart,
/// so the registration for an issuer is built here on demand from the current snapshot and cached with that snapshot
/// (a new revision builds new registrations, so a changed client ID or a removed IDP takes effect at once).
/// The registration ID is the issuer: the state token carries it, and the callback resolves it again from the
/// snapshot current then — an IDP removed meanwhile has no registration and its answer is refused.
/// </summary>
public sealed class IdpClientRegistrations(HubOptions options, OpenIddictClientService service)
{
    /// <summary>The redirection endpoint, relative to the hub's public base (OpenIddict resolves it per request).</summary>
    public const string CallbackPath = "oidc/client/callback";

    private readonly ConditionalWeakTable<FederationSnapshot, ConcurrentDictionary<string, OpenIddictClientRegistration>> _bySnapshot = [];

    /// <summary>The registration for the IDP with this issuer in <paramref name="snapshot"/>, or null when none is registered and enabled.</summary>
    public OpenIddictClientRegistration? Find(FederationSnapshot snapshot, string issuer)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(issuer);
        if (snapshot.FindOidcIdentityProvider(issuer) is not { Enabled: true } idp)
        {
            return null;
        }

        return _bySnapshot.GetOrCreateValue(snapshot).GetOrAdd(idp.Issuer, _ => Build(idp));
    }

    private OpenIddictClientRegistration Build(OidcIdentityProvider idp)
    {
        var issuer = new Uri(idp.Issuer, UriKind.Absolute);
        var registration = new OpenIddictClientRegistration
        {
            RegistrationId = idp.Issuer,
            Issuer = issuer,
            ProviderDisplayName = idp.DisplayName.English,
            ClientId = idp.ClientId,
            ClientType = ClientTypes.Confidential,
            RedirectUri = new Uri(CallbackPath, UriKind.Relative),

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

        // The client assertion is signed with the hub's signing key, the one published at HubClientJwks.
        registration.SigningCredentials.Add(SigningCredentialsFor(options.SigningCertificate));

        registration.ConfigurationManager = new ConfigurationManager<OpenIddictConfiguration>(
            registration.ConfigurationEndpoint.AbsoluteUri, new OpenIddictClientRetriever(service, registration))
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(1),
            RefreshInterval = TimeSpan.FromSeconds(30),
        };
        return registration;
    }

    private static X509SigningCredentials SigningCredentialsFor(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        return new X509SigningCredentials(certificate, rsa is null ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256);
    }
}
