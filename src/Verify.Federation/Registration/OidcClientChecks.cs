namespace Verify.Federation.Registration;

/// <summary>The federation's rules for an OpenID Connect relying party's client registration (ADR 0021).</summary>
internal static class OidcClientChecks
{
    /// <summary>The longest client ID accepted.</summary>
    public const int ClientIdLength = 255;

    /// <summary>Most redirect (or post-logout redirect) URIs a client may register; the hub's provider holds the same limit.</summary>
    public const int MaxRedirectUris = 10;

    /// <summary>The scopes the hub's OpenID Provider serves.</summary>
    public static readonly IReadOnlySet<string> KnownScopes = new HashSet<string>(StringComparer.Ordinal) { "openid", "verified_claims" };

    /// <summary>The identity claims the hub can release in <c>verified_claims</c> (OIDC Core 5.1 names).</summary>
    public static readonly IReadOnlySet<string> KnownClaims = new HashSet<string>(StringComparer.Ordinal)
    {
        "given_name", "middle_name", "family_name", "birthdate", "address",
    };

    /// <summary>RFC 6749 appendix A.1: a client ID is printable ASCII; the hub also refuses spaces, so it reads in logs and CLIs.</summary>
    public static string ClientId(string? value)
    {
        var id = value?.Trim() ?? "";
        if (id.Length is 0 or > ClientIdLength || id.Any(c => c is <= ' ' or > '~'))
        {
            throw new RegistrationRefusedException(
                $"The client ID '{value}' is not usable: give 1 to {ClientIdLength} printable ASCII characters without spaces (e.g. https://service.example.gov.uk or a plain name).");
        }

        return id;
    }

    /// <summary>
    /// OAuth 2.0 Security BCP (RFC 9700) 2.1 and 4.1.3: redirect URIs are absolute, compared exactly, have no fragment,
    /// and are https; http is for a loopback host only (RFC 8252 7.3), and only where loopback http is allowed.
    /// </summary>
    public static IReadOnlyList<string> RedirectUris(IReadOnlyList<string>? values, string clientId, string what, bool required, bool allowLoopbackHttp)
    {
        var uris = (values ?? []).Select(v => v?.Trim() ?? "").ToList();
        if (required && uris.Count == 0)
        {
            throw new RegistrationRefusedException($"'{clientId}' needs at least one {what}: the exact address the hub sends the citizen back to.");
        }

        if (uris.Count > MaxRedirectUris)
        {
            throw new RegistrationRefusedException($"'{clientId}' has {uris.Count} {what}s; at most {MaxRedirectUris} are allowed.");
        }

        foreach (var uri in uris)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(parsed.Fragment)
                || !string.IsNullOrEmpty(parsed.UserInfo) || uri.Length > RegistrationLimits.UrlLength)
            {
                throw new RegistrationRefusedException(
                    $"The {what} '{Shorten(uri)}' of '{clientId}' is not an absolute https URL without fragment (RFC 9700 4.1.3: compared exactly, so give it in full).");
            }

            MetadataChecks.RequireSecureUrl(uri, what, allowLoopbackHttp);
        }

        return [.. uris.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Exactly one of a JWKS and a <c>jwks_uri</c> (OIDC Dynamic Client Registration 2: never both).</summary>
    public static (string? Jwks, string? JwksUri) Keys(string? jwks, string? jwksUri, string clientId, bool allowLoopbackHttp)
    {
        if ((jwks is null) == (jwksUri is null))
        {
            throw new RegistrationRefusedException(
                $"'{clientId}' needs its public keys for private_key_jwt: give either a JWKS file or a jwks_uri, not both and not neither.");
        }

        if (jwksUri is not null)
        {
            MetadataChecks.RequireSecureUrl(jwksUri.Trim(), "jwks_uri", allowLoopbackHttp);
            return (null, jwksUri.Trim());
        }

        return (OidcChecks.PublicJwks(jwks!, clientId, "Give the client's public JWKS for private_key_jwt: public members only (kty, kid, use, n and e, or crv, x and y)."), null);
    }

    /// <summary>Scopes the provider serves, <c>openid</c> always among them (OIDC Core 3.1.2.1).</summary>
    public static IReadOnlyList<string> Scopes(IReadOnlyList<string>? values, string clientId)
    {
        var scopes = (values ?? ["openid", "verified_claims"]).Select(s => s?.Trim() ?? "").Append("openid").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unknown = scopes.FirstOrDefault(s => !KnownScopes.Contains(s));
        return unknown is null ? scopes
            : throw new RegistrationRefusedException($"The scope '{unknown}' of '{clientId}' is not one the hub serves; use {string.Join(", ", KnownScopes.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>Claims the hub can release; naming any other is refused rather than ignored, so a typo is caught.</summary>
    public static IReadOnlyList<string> Claims(IReadOnlyList<string>? values, string clientId)
    {
        var claims = (values ?? []).Select(c => c?.Trim() ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unknown = claims.FirstOrDefault(c => !KnownClaims.Contains(c));
        return unknown is null ? claims
            : throw new RegistrationRefusedException($"The claim '{unknown}' of '{clientId}' is not one the hub releases; use {string.Join(", ", KnownClaims.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>OIDC Core 8.1: the sector groups clients that share a pairwise <c>sub</c>; the client ID by default.</summary>
    public static string Sector(string? value, string clientId)
    {
        var sector = string.IsNullOrWhiteSpace(value) ? clientId : value.Trim();
        return sector.Length <= RegistrationLimits.EntityIdLength && !sector.Any(char.IsControl)
            ? sector
            : throw new RegistrationRefusedException($"The sector of '{clientId}' must be at most {RegistrationLimits.EntityIdLength} printable characters.");
    }

    /// <summary>The ID token algorithm of a client that names none (OIDC Dynamic Client Registration 2).</summary>
    public const string DefaultIdTokenAlg = "RS256";

    /// <summary>The ID token algorithms the hub signs with (ADR 0021): RSA PKCS#1 v1.5 and PSS, and ECDSA P-256.</summary>
    public static readonly IReadOnlyList<string> IdTokenAlgs = ["RS256", "PS256", "ES256"];

    /// <summary>
    /// <c>id_token_signed_response_alg</c>: one of <see cref="IdTokenAlgs"/>, exactly (JWA names are case-sensitive,
    /// RFC 7515 4.1.1); never <c>none</c> or a symmetric algorithm, which would let the client forge the hub's tokens.
    /// </summary>
    public static string IdTokenAlg(string? value, string clientId)
    {
        var alg = string.IsNullOrWhiteSpace(value) ? DefaultIdTokenAlg : value.Trim();
        return IdTokenAlgs.Contains(alg, StringComparer.Ordinal)
            ? alg
            : throw new RegistrationRefusedException(
                $"The ID token algorithm '{Shorten(alg)}' of '{clientId}' is not one the hub signs with; use {string.Join(", ", IdTokenAlgs)} (RS256 when not given).");
    }

    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "…";
}
