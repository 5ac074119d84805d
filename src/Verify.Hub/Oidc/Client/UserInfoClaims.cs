using System.Security.Claims;

using Verify.Saml.Saml;

namespace Verify.Hub.Oidc.Client;

/// <summary>
/// What the hub takes from an IDP's userinfo answer (OIDC Core 5.3.2), as OpenIddict's client read it into a principal
/// (one claim per JSON member, named as the member): its <c>sub</c>, and the standard identity claims the dataset
/// reads (<see cref="MatchingDatasetClaims.StandardClaims"/>) when each is one JSON string within the length limit.
/// Anything else (verify_mds, arrays, numbers, other claims) is not taken: only the ID token carries Verify's dataset.
/// </summary>
public sealed class UserInfoClaims
{
    private UserInfoClaims(string? subject, IReadOnlyDictionary<string, string> claims)
    {
        Subject = subject;
        Claims = claims;
    }

    /// <summary>The userinfo answer's <c>sub</c>; null when it had none or several.</summary>
    public string? Subject { get; }

    /// <summary>The usable standard identity claims, by name.</summary>
    public IReadOnlyDictionary<string, string> Claims { get; }

    /// <summary>The claims of OpenIddict's userinfo principal.</summary>
    public static UserInfoClaims From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in MatchingDatasetClaims.StandardClaims)
        {
            if (Single(principal, name) is { } value && !string.IsNullOrWhiteSpace(value) && value.Length <= MatchingDatasetClaims.MaxClaimLength
                && !value.Any(char.IsControl))
            {
                claims[name] = value;
            }
        }

        return new UserInfoClaims(Single(principal, "sub"), claims);
    }

    // One claim of that name whose JSON value was a string (OpenIddict keeps the JSON type as the claim's value type).
    private static string? Single(ClaimsPrincipal principal, string name) =>
        principal.FindAll(name).ToList() is [{ ValueType: ClaimValueTypes.String } only] ? only.Value : null;
}
