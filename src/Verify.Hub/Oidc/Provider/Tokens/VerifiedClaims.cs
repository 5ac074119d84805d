using System.Globalization;
using System.Text.Json.Nodes;

using Verify.Hub.Identity;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Oidc.Provider.Clients;

namespace Verify.Hub.Oidc.Provider.Tokens;

/// <summary>
/// The verified identity in the shape of OpenID Connect for Identity Assurance 1.0 (section 5): a
/// <c>verified_claims</c> object with <c>verification</c> (the trust framework and the level the IDP verified at)
/// and <c>claims</c> (only those the client's registration allows). Personal data: built only to go into a token.
/// </summary>
internal static class VerifiedClaims
{
    /// <summary>
    /// The trust framework named in <c>verification</c>: the UK digital identity and attributes trust framework
    /// (IANA "OpenID Connect for Identity Assurance" trust framework registry).
    /// </summary>
    public const string TrustFramework = "uk_tfida";

    /// <summary>The JSON of <c>verified_claims</c>, or null when the client may receive no identity claim.</summary>
    public static string? Build(VerifiedIdentity identity, LevelOfAssurance level, IReadOnlySet<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(allowed);
        var claims = new JsonObject();
        Add(claims, allowed, OidcClaimNames.GivenName, identity.GivenName);
        Add(claims, allowed, OidcClaimNames.MiddleName, identity.MiddleNames);
        Add(claims, allowed, OidcClaimNames.FamilyName, identity.Surname);
        Add(claims, allowed, OidcClaimNames.Birthdate, identity.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (allowed.Contains(OidcClaimNames.Address) && (identity.AddressLines.Count > 0 || identity.PostCode is not null))
        {
            // OIDC Core 5.1.1: street_address holds the lines, newline-separated.
            var address = new JsonObject();
            if (identity.AddressLines.Count > 0)
            {
                address["street_address"] = string.Join('\n', identity.AddressLines);
            }

            if (identity.PostCode is { } postCode)
            {
                address["postal_code"] = postCode;
            }

            address["country"] = "GB";
            claims[OidcClaimNames.Address] = address;
        }

        if (claims.Count == 0)
        {
            return null;
        }

        var verifiedClaims = new JsonObject
        {
            ["verification"] = new JsonObject
            {
                ["trust_framework"] = TrustFramework,
                ["assurance_level"] = level.Name,
            },
            ["claims"] = claims,
        };
        return verifiedClaims.ToJsonString();
    }

    private static void Add(JsonObject claims, IReadOnlySet<string> allowed, string name, string? value)
    {
        if (value is not null && allowed.Contains(name))
        {
            claims[name] = value;
        }
    }
}
