using System.Text.RegularExpressions;

using Verify.TestRp.Protocol;

namespace Verify.TestRp.Oidc;

/// <summary>The checks <see cref="TestRpOptions.Validate"/> makes on <see cref="TestRpOptions.OidcClients"/>.</summary>
internal static partial class OidcOptionsChecks
{
    public static void Validate(TestRpOptions options, List<string> failures)
    {
        if (options.OidcClients is null)
        {
            failures.Add($"{nameof(TestRpOptions.OidcClients)} is required (empty for none).");
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var oidc in options.OidcClients)
        {
            if (oidc is null)
            {
                failures.Add($"{nameof(TestRpOptions.OidcClients)} may not hold null.");
                continue;
            }

            Validate(options, oidc, failures);

            // One OpenIddict registration per key (its registration ID) and one hub client per client ID.
            if (oidc.Key is { } key && !keys.Add(key))
            {
                failures.Add($"{nameof(TestRpOptions.OidcClients)}: the key '{key}' is used twice.");
            }

            if (oidc.ClientId is { } clientId && !clientIds.Add(clientId))
            {
                failures.Add($"{nameof(TestRpOptions.OidcClients)}: the client ID '{clientId}' is used twice.");
            }
        }
    }

    private static void Validate(TestRpOptions options, TestRpOidcOptions oidc, List<string> failures)
    {
        var name = $"{nameof(TestRpOptions.OidcClients)} '{oidc.Key}'";
        if (oidc.Key is null || !KeyShape().IsMatch(oidc.Key) || (options.Services ?? []).Any(s => s?.Key == oidc.Key))
        {
            failures.Add($"{name}: the key must be 1 to 32 lower-case letters, digits or hyphens, unlike any service's.");
        }

        // The hub's client IDs share one namespace with SAML entity IDs (ADR 0021): ours must not be any of our own.
        if (string.IsNullOrWhiteSpace(oidc.ClientId) || oidc.ClientId.Length > 1024 || oidc.ClientId.Any(char.IsControl)
            || oidc.ClientId == options.EntityId || (options.Services ?? []).Any(s => s?.EntityId == oidc.ClientId))
        {
            failures.Add($"{name}: the client ID must be 1 to 1024 printable characters, unlike the SAML entity IDs.");
        }

        // ARCHITECTURE.md: messages travel over TLS; plain http only to a loopback host in development. OIDC Discovery
        // 3: the issuer has no query or fragment.
        if (oidc.Issuer is not { IsAbsoluteUri: true } issuer || issuer.Scheme is not ("https" or "http")
            || (issuer.Scheme == "http" && !issuer.IsLoopback) || issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
        {
            failures.Add($"{name}: the issuer must be an absolute https URL without query or fragment (http only for a loopback host).");
        }

        if (!OidcClientKey.IsUsable(oidc.ClientAssertionCertificate))
        {
            failures.Add($"{name}: the client assertion certificate needs an RSA private key of 2048 bits or more.");
        }

        // ARCHITECTURE.md "Levels of assurance": LEVEL_X is not a level and never satisfies a requirement.
        if (oidc.RequestedLevels is not { Count: > 0 } levels || levels.Any(level => LevelOfAssurance.RankOf(level) is null))
        {
            failures.Add($"{name}: requested levels need at least one of the level1 … level4 URIs, and nothing else.");
        }

        if (oidc.Scopes is not { } scopes || !scopes.Contains("openid") || scopes.Any(s => string.IsNullOrEmpty(s) || !ScopeShape().IsMatch(s)))
        {
            failures.Add($"{name}: the scopes must include openid, each a scope token (RFC 6749 3.3).");
        }

        if (string.IsNullOrWhiteSpace(oidc.DisplayName))
        {
            failures.Add($"{name}: a display name is required.");
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();

    // RFC 6749 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ).
    [GeneratedRegex(@"^[\x21\x23-\x5B\x5D-\x7E]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopeShape();
}
