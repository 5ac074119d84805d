using System.Diagnostics.CodeAnalysis;

using Verify.Federation.Parties;

namespace Verify.Federation.Registration;

/// <summary>
/// An OpenID Connect relying party's settings that passed every federation rule (ADR 0021); only <see cref="Create"/>
/// makes one, so the store never holds an unchecked redirect URI, key set or claim list.
/// </summary>
public sealed class OidcRelyingPartyRegistration : OidcRelyingPartyFields
{
    [SetsRequiredMembers]
    private OidcRelyingPartyRegistration(OidcRelyingPartySettings settings, bool allowLoopbackHttp)
    {
        ClientId = OidcClientChecks.ClientId(settings.ClientId);
        DisplayName = SettingsChecks.Text(
            settings.DisplayName ?? throw new RegistrationRefusedException($"RP '{ClientId}' needs a display name: citizens see it."),
            RegistrationLimits.DisplayNameLength,
            "display name");
        Levels = SettingsChecks.Levels(settings.Levels, ClientId);
        RedirectUris = OidcClientChecks.RedirectUris(settings.RedirectUris, ClientId, "redirect URI", required: true, allowLoopbackHttp);
        PostLogoutRedirectUris = OidcClientChecks.RedirectUris(settings.PostLogoutRedirectUris, ClientId, "post-logout redirect URI", required: false, allowLoopbackHttp);
        (Jwks, JwksUri) = OidcClientChecks.Keys(settings.Jwks, settings.JwksUri, ClientId, allowLoopbackHttp);
        Scopes = OidcClientChecks.Scopes(settings.Scopes, ClientId);
        Claims = OidcClientChecks.Claims(settings.Claims, ClientId);
        Sector = OidcClientChecks.Sector(settings.Sector, ClientId);
        ClientSecretHash = settings.ClientSecretHash is { } hash ? ClientSecretHasher.RequireWellFormed(hash, ClientId) : null;
        IdTokenSignedResponseAlg = OidcClientChecks.IdTokenAlg(settings.IdTokenSignedResponseAlg, ClientId);
        Enabled = settings.Enabled;
        if (settings.ServiceHomepage is { } homepage)
        {
            MetadataChecks.RequireSecureUrl(homepage, "service homepage", allowLoopbackHttp);
            ServiceHomepage = homepage;
        }

        OtherWaysToAccess = settings.OtherWaysToAccess is { } other
            ? SettingsChecks.Text(other, RegistrationLimits.OtherWaysLength, "\"other ways to access the service\" text")
            : null;
        (MatchingService, Cycle3Attribute, AccountCreationAttributes) = MatchingChecks.Check(ClientId, settings, allowLoopbackHttp);
        ContentHash = Registration.ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(ClientId), [
            DisplayName.English, DisplayName.Welsh, Levels.ToString(), string.Join('\n', RedirectUris), string.Join('\n', PostLogoutRedirectUris),
            Jwks, JwksUri, string.Join('\n', Scopes), string.Join('\n', Claims), Sector, ClientSecretHash,
            ServiceHomepage, OtherWaysToAccess?.English, OtherWaysToAccess?.Welsh,

            // Only when not the default, so the hash of a registration made before the field existed is unchanged.
            .. IdTokenSignedResponseAlg == OidcClientChecks.DefaultIdTokenAlg ? Array.Empty<string>() : [IdTokenSignedResponseAlg],

            // Likewise only with a matching service (ADR 0026).
            .. MatchingService is not { } ms ? Array.Empty<string?>() :
            [
                Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(ms.MetadataXml.Span)), ms.AccountCreationUrl,
                ((int)ms.Trust).ToString(System.Globalization.CultureInfo.InvariantCulture), Cycle3Attribute, string.Join(',', AccountCreationAttributes),
            ],
        ]);
    }

    internal string ContentHash { get; }

    /// <summary>The RP's matching service, when the hub matches for it (ADR 0026: always hub-asserted).</summary>
    public RegisteredMatchingService? MatchingService { get; }

    /// <summary>The cycle 3 attribute, or null.</summary>
    public string? Cycle3Attribute { get; }

    /// <summary>The account-creation attributes; empty when the RP creates no accounts.</summary>
    public IReadOnlyList<string> AccountCreationAttributes { get; }

    /// <summary>Checks an OIDC RP's settings against the federation's rules.</summary>
    /// <param name="settings">The client ID, names, levels, redirect URIs, keys, scopes and claims.</param>
    /// <param name="allowLoopbackHttp">Accept <c>http</c> URLs on a loopback host (development only).</param>
    /// <exception cref="RegistrationRefusedException">A rule is broken; the message says which and what to do.</exception>
    public static OidcRelyingPartyRegistration Create(OidcRelyingPartySettings settings, bool allowLoopbackHttp = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new OidcRelyingPartyRegistration(settings, allowLoopbackHttp);
    }
}
