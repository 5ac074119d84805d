using System.Buffers.Text;
using System.Text.Json;

namespace Verify.Federation.Registration;

/// <summary>The federation's rules for an OpenID Connect IDP's issuer and pinned keys (ADR 0022).</summary>
internal static class OidcChecks
{
    /// <summary>The largest pinned key set accepted.</summary>
    public const int MaxJwksLength = 64 * 1024;

    private const int MaxKeys = 20;
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

    /// <summary>
    /// OIDC Discovery 3: the issuer is a case-sensitive https URL with no query or fragment; the hub compares ID
    /// tokens' <c>iss</c> with it exactly, so it is stored as given (trimmed), never normalised.
    /// </summary>
    /// <summary>The most scopes an IDP registration may ask for, and the longest scope.</summary>
    public const int MaxScopes = 20, MaxScopeLength = 100;

    /// <summary>
    /// Scopes to ask an IDP for besides <c>openid</c>: each a scope-token of RFC 6749 3.3 (printable ASCII but space,
    /// <c>"</c> and <c>\</c>); <c>openid</c> itself and repeats dropped, sorted so the same set always reads the same.
    /// </summary>
    public static IReadOnlyList<string> Scopes(IReadOnlyList<string>? scopes, string issuer)
    {
        var checkedScopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes ?? [])
        {
            if (scope is not { Length: > 0 and <= MaxScopeLength } || scope.Any(c => c is < '!' or > '~' or '"' or '\\'))
            {
                throw new RegistrationRefusedException(
                    $"IDP '{issuer}': '{scope}' is not a scope (RFC 6749 3.3: 1 to {MaxScopeLength} printable ASCII characters, no space, quote or backslash).");
            }

            if (scope != "openid")
            {
                checkedScopes.Add(scope);
            }
        }

        return checkedScopes.Count <= MaxScopes
            ? [.. checkedScopes]
            : throw new RegistrationRefusedException($"IDP '{issuer}': at most {MaxScopes} scopes besides openid.");
    }

    public static string Issuer(string? value, bool allowLoopbackHttp)
    {
        var issuer = value?.Trim() ?? "";
        if (issuer.Length is 0 or > RegistrationLimits.EntityIdLength || !Uri.TryCreate(issuer, UriKind.Absolute, out var uri)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo)
            || !(uri.Scheme == "https" || (allowLoopbackHttp && uri.Scheme == "http" && uri.IsLoopback)))
        {
            throw new RegistrationRefusedException(
                $"The issuer '{value}' is not usable: OIDC Discovery 3 wants an https URL without query or fragment (http only on a loopback host in development).");
        }

        return issuer;
    }

    /// <summary>A JSON Web Key Set of public signing keys: RSA of 2048 bits or more, or EC P-256 and above; no private or symmetric key.</summary>
    /// <param name="jwks">The key set as given.</param>
    /// <param name="issuer">The party it belongs to (an IDP's issuer, or an RP's client ID), for messages.</param>
    /// <param name="advice">What the operator should give instead; defaults to the IDP's advice.</param>
    public static string PublicJwks(string jwks, string issuer, string advice = "Give the IDP's public JWKS (its jwks_uri document).")
    {
        if (jwks.Length > MaxJwksLength)
        {
            throw new RegistrationRefusedException($"The pinned key set of '{issuer}' is larger than {MaxJwksLength / 1024} KB.");
        }

        try
        {
            using var document = JsonDocument.Parse(jwks, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("keys", out var keys)
                || keys.ValueKind != JsonValueKind.Array || keys.GetArrayLength() is 0 or > MaxKeys)
            {
                throw Refused(issuer, $"a JSON object with a \"keys\" array of 1 to {MaxKeys} keys is expected", advice);
            }

            foreach (var key in keys.EnumerateArray())
            {
                CheckKey(key, issuer, advice);
            }
        }
        catch (JsonException)
        {
            throw Refused(issuer, "it is not JSON", advice);
        }

        return jwks;
    }

    private static void CheckKey(JsonElement key, string issuer, string advice)
    {
        if (key.ValueKind != JsonValueKind.Object || PrivateMembers.Any(member => key.TryGetProperty(member, out _)))
        {
            throw Refused(issuer, "a key is not an object, or holds private or symmetric key material", advice);
        }

        if (key.TryGetProperty("use", out var use) && use.GetString() != "sig")
        {
            throw Refused(issuer, "a key is not for signing (use must be sig)", advice);
        }

        switch (Member(key, "kty"))
        {
            // Hub profile (ARCHITECTURE.md): RSA keys under 2048 bits are refused.
            case "RSA" when ModulusBytes(Member(key, "n")) >= 256 && Member(key, "e") is not null:
            case "EC" when Member(key, "crv") is "P-256" or "P-384" or "P-521" && Member(key, "x") is not null && Member(key, "y") is not null:
                return;
            default:
                throw Refused(issuer, "a key is neither RSA of 2048 bits or more nor EC on P-256, P-384 or P-521", advice);
        }
    }

    private static int ModulusBytes(string? n)
    {
        try
        {
            return n is null ? 0 : Base64Url.DecodeFromChars(n).SkipWhile(b => b == 0).Count();
        }
        catch (FormatException)
        {
            return 0;
        }
    }

    private static string? Member(JsonElement key, string name) =>
        key.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static RegistrationRefusedException Refused(string issuer, string why, string advice) =>
        new($"The pinned key set of '{issuer}' is refused: {why}. {advice}");
}
