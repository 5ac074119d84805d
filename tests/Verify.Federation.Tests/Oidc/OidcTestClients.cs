using System.Security.Cryptography;

using Verify.Federation.Parties;
using Verify.Federation.Registration;

namespace Verify.Federation.Tests.Oidc;

/// <summary>An OpenID Connect relying party for the federation tests: its client ID, redirect URI and a JWKS of a fresh key.</summary>
internal static class OidcTestClients
{
    public const string ClientId = "https://oidc-rp.test";
    public const string RedirectUri = "https://oidc-rp.test/oidc/callback";

    private static readonly Lazy<string> Keys = new(() => OidcTestParties.RsaJwks(RSA.Create(2048)));

    /// <summary>A public JWKS of one RSA 2048 key (the same for the whole run).</summary>
    public static string Jwks => Keys.Value;

    public static OidcRelyingPartySettings Settings(params string[] levels) => new()
    {
        ClientId = ClientId,
        DisplayName = new BilingualText("OIDC service", "Gwasanaeth OIDC"),
        Levels = levels.Length > 0 ? levels : ["LEVEL_2"],
        RedirectUris = [RedirectUri],
        Jwks = Jwks,
        Claims = ["given_name", "family_name"],
    };

    public static OidcRelyingPartyRegistration Register(OidcRelyingPartySettings? settings = null, bool allowLoopbackHttp = false) =>
        OidcRelyingPartyRegistration.Create(settings ?? Settings(), allowLoopbackHttp);
}
