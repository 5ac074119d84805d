using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;

using Verify.Saml.Samlp;
using Verify.TestRp.Outcomes;
using Verify.TestRp.Protocol;

namespace Verify.TestRp.Oidc;

/// <summary>
/// Reads what the hub said about the citizen from the principal OpenIddict built once the ID token was validated
/// (signature by the hub's JWKS, <c>iss</c>, <c>aud</c>, <c>exp</c>, <c>nonce</c>) and userinfo was fetched (same
/// <c>sub</c>): the pairwise <c>sub</c>, the <c>acr</c>, which must satisfy <c>acr_values</c> and is never LEVEL_X,
/// <c>verified_claims</c> (OpenID Connect for Identity Assurance 1.0 section 5), which must state that same level, and
/// the match claims of a registration with a matching service (<see cref="OidcMatchClaims"/>, ADR 0026).
/// </summary>
internal sealed class OidcResultReader(TestRpOidcOptions options)
{
    /// <summary>The largest <c>verified_claims</c> read (the hub's are a few hundred bytes).</summary>
    public const int MaxVerifiedClaimsLength = 16 * 1024;

    private static readonly string[] ClaimOrder = ["given_name", "middle_name", "family_name", "birthdate"];

    /// <exception cref="OidcRefusedException">A claim is missing, inconsistent or not what was asked for.</exception>
    public VerifiedIdentity Read(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);

        // OIDC Core 2 and 5.7: sub is at most 255 ASCII characters; the ID token's and userinfo's must agree.
        var sub = Single(principal, "sub", "sub_missing");
        if (sub.Length > 255 || sub.Any(c => c is < '!' or > '~'))
        {
            throw Refused("sub_malformed", "The sub is not 1 to 255 printable ASCII characters.");
        }

        var acr = Single(principal, "acr", "acr_missing");
        if (!LevelOfAssurance.Satisfies(acr, options.RequestedLevels, AuthnContextComparison.Minimum))
        {
            // ARCHITECTURE.md: act only on an identity proved to the level the service needs; LEVEL_X marks fraud.
            throw Refused("acr_not_requested", "The acr is not a level the service asked for (or a stronger one).");
        }

        var level = LevelOfAssurance.NameOf(acr)!;
        List<IdentityAttribute> attributes = [.. OidcMatchClaims.Read(principal), .. VerifiedClaims(principal, level)];
        return new VerifiedIdentity(level, acr, sub, attributes) { ServiceEntityId = options.ClientId };
    }

    private static string Single(ClaimsPrincipal principal, string type, string code)
    {
        var values = principal.FindAll(type).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return values.Count switch
        {
            1 when values[0].Length > 0 => values[0],
            0 => throw Refused(code, $"The ID token has no {type}."),
            _ => throw Refused(type + "_inconsistent", $"The ID token and userinfo disagree on {type}."),
        };
    }

    private static List<IdentityAttribute> VerifiedClaims(ClaimsPrincipal principal, string level)
    {
        var all = principal.FindAll("verified_claims").ToList();
        if (all.Count == 0)
        {
            return [];
        }

        var parsed = all.Select(claim => Parse(claim.Value)).ToList();
        if (parsed.Skip(1).Any(other => !JsonNode.DeepEquals(parsed[0], other)))
        {
            throw Refused("verified_claims_inconsistent", "The ID token and userinfo disagree on verified_claims.");
        }

        var verification = parsed[0]["verification"] as JsonObject;
        var claims = parsed[0]["claims"] as JsonObject;
        if (verification is null || claims is null || Text(verification, "assurance_level") != level)
        {
            throw Refused("verified_claims_malformed", "verified_claims needs verification (at the acr's level) and claims.");
        }

        var attributes = new List<IdentityAttribute>();
        Add(attributes, "trust_framework", "verified_claims.verification.trust_framework", Text(verification, "trust_framework"));
        Add(attributes, "assurance_level", "verified_claims.verification.assurance_level", level);
        foreach (var name in ClaimOrder)
        {
            Add(attributes, name, "verified_claims.claims." + name, Text(claims, name));
        }

        if (claims["address"] is JsonObject address)
        {
            // OIDC Core 5.1.1: street_address holds the lines, newline-separated.
            List<string> lines = [.. (Text(address, "street_address") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)];
            lines.AddRange(new[] { Text(address, "postal_code"), Text(address, "country") }.OfType<string>());
            attributes.Add(new IdentityAttribute("address", "verified_claims.claims.address", [lines]));
        }

        return attributes;
    }

    private static JsonObject Parse(string json)
    {
        if (json.Length > MaxVerifiedClaimsLength)
        {
            throw Refused("verified_claims_too_large", $"verified_claims is over {MaxVerifiedClaimsLength} characters.");
        }

        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 8 }) as JsonObject
                ?? throw Refused("verified_claims_malformed", "verified_claims is not a JSON object.");
        }
        catch (JsonException)
        {
            throw Refused("verified_claims_malformed", "verified_claims is not JSON.");
        }
    }

    private static string? Text(JsonObject parent, string name) =>
        parent[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void Add(List<IdentityAttribute> attributes, string friendlyName, string name, string? value)
    {
        if (value is not null)
        {
            attributes.Add(new IdentityAttribute(friendlyName, name, [[value]]));
        }
    }

    private static OidcRefusedException Refused(string code, string reason) => new(new OidcRefusal(code, "TestRp." + code, reason));
}
