using System.Security.Claims;

using Verify.Saml.Saml;
using Verify.TestRp.Outcomes;

namespace Verify.TestRp.Oidc;

/// <summary>
/// The two claims the hub adds beside <c>sub</c> for a registration with a matching service (ADR 0026), named like the
/// SAML attributes: <c>urn:uk:gov:verify:attribute:match-outcome</c> (<c>match</c> or <c>created</c>) and
/// <c>urn:uk:gov:verify:attribute:hashed-pid</c> (the key the service's matching service linked). Checked only as the
/// service must before it uses them: each, when present, is one string (the ID token and userinfo agreeing), 1 to 255
/// printable ASCII characters; shown under the SAML side's friendly names (<c>matchOutcome</c>, <c>hashedPid</c>).
/// </summary>
internal static class OidcMatchClaims
{
    /// <summary>The longest value taken (a hashed PID is 64 hex characters).</summary>
    public const int MaxLength = 255;

    private static readonly string[] Names = [HubAttributeNames.MatchOutcome, HubAttributeNames.HashedPid];

    /// <exception cref="OidcRefusedException">A match claim is not one short string, or the tokens disagree on it.</exception>
    public static IReadOnlyList<IdentityAttribute> Read(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var attributes = new List<IdentityAttribute>();
        foreach (var name in Names)
        {
            var claims = principal.FindAll(name).ToList();
            if (claims.Count == 0)
            {
                continue;
            }

            // A JSON number, object or array is not what the hub sends: an array would arrive as several claims.
            if (claims.Any(c => c.ValueType != ClaimValueTypes.String))
            {
                throw Refused("match_claim_malformed", "A match claim is not a string.");
            }

            var values = claims.Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count != 1)
            {
                throw Refused("match_claim_inconsistent", "The ID token and userinfo disagree on a match claim, or it has several values.");
            }

            if (values[0].Length is 0 or > MaxLength || values[0].Any(c => c is < '!' or > '~'))
            {
                throw Refused("match_claim_malformed", $"A match claim is not 1 to {MaxLength} printable ASCII characters.");
            }

            attributes.Add(new IdentityAttribute(HubAttributeNames.FriendlyNames[name], name, [[values[0]]]));
        }

        return attributes;
    }

    private static OidcRefusedException Refused(string code, string reason) => new(new OidcRefusal(code, "TestRp." + code, reason));
}
