using System.Security.Cryptography;
using System.Text.Json;

using Microsoft.AspNetCore.DataProtection;

namespace Verify.StubIdp.Oidc;

/// <summary>
/// Seals the OIDC side's pending requests, authorization codes and access tokens with ASP.NET Core Data Protection
/// (authenticated encryption), each kind under its own purpose that also names the IDP, so one cannot be read,
/// altered, forged, used as another kind, or moved to another white-labelled IDP. Ages are checked by the callers
/// against the injected clock (as <c>PendingRequestProtector</c> does for the SAML side).
/// </summary>
internal sealed class OidcSealer(IDataProtectionProvider provider)
{
    /// <summary>Pending authorization requests (login page).</summary>
    public const string PendingPurpose = "Verify.StubIdp.Oidc.PendingRequest.v1";

    /// <summary>Authorization codes.</summary>
    public const string CodePurpose = "Verify.StubIdp.Oidc.Code.v1";

    /// <summary>Access tokens (userinfo).</summary>
    public const string AccessTokenPurpose = "Verify.StubIdp.Oidc.AccessToken.v1";

    // A sealed value is a few hundred characters (a pending request about a kilobyte); anything longer is not ours.
    private const int MaxTokenLength = 8 * 1024;

    /// <summary>The sealed form of <paramref name="value"/>, URL-safe.</summary>
    public string Seal<T>(string purpose, string slug, T value) =>
        provider.CreateProtector(purpose, slug).Protect(JsonSerializer.Serialize(value));

    /// <summary>The value sealed in <paramref name="token"/> under this purpose for this IDP, or null.</summary>
    public T? Unseal<T>(string purpose, string slug, string? token)
        where T : class
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(provider.CreateProtector(purpose, slug).Unprotect(token));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException or NotSupportedException)
        {
            return null;
        }
    }
}
