using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Testing;

namespace Verify.Federation.Tests.Oidc;

/// <summary>An OpenID Connect IDP for the federation tests: its issuer, client ID and a JWKS of a certs-sample key.</summary>
internal static class OidcTestParties
{
    /// <summary>Scopes as a registration keeps them: sorted, openid implied.</summary>
    public static readonly string[] ProfileAndAddress = ["address", "profile"];

    public const string Issuer = "https://oidc-idp.test/oidc";
    public const string ClientId = "https://hub.test/oidc";

    public static OidcIdentityProviderSettings Settings(params string[] levels) => new()
    {
        Issuer = Issuer,
        ClientId = ClientId,
        Levels = levels.Length > 0 ? levels : ["LEVEL_1", "LEVEL_2"],
        DisplayName = new BilingualText("OIDC IDP", "IDP OIDC"),
    };

    public static OidcIdentityProviderRegistration Register(OidcIdentityProviderSettings? settings = null) =>
        OidcIdentityProviderRegistration.Create(settings ?? Settings());

    /// <summary>A public JWKS of an RSA key; <paramref name="extra"/> adds members (e.g. a private exponent).</summary>
    public static string RsaJwks(RSA rsa, Dictionary<string, string>? extra = null)
    {
        var parameters = rsa.ExportParameters(false);
        var key = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = "k1",
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        foreach (var (name, value) in extra ?? [])
        {
            key[name] = value;
        }

        return JsonSerializer.Serialize(new { keys = new[] { key } });
    }

    public static string StubJwks() => RsaJwks(SampleCerts.RsaKey("stub-idp-signing"));
}
