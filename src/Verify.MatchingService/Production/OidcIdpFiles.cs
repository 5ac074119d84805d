namespace Verify.MatchingService.Production;

/// <summary>
/// The OIDC IDPs of the configuration file (ADR 0025): issuer, the hub's client ID at the IDP, and a JWKS file whose
/// public keys are pinned, as a SAML IDP's certificates are. Problems are collected, never thrown, so the operator
/// sees every one at once; <see cref="MatchingServiceOptions.Problems"/> then checks the keys and identifiers.
/// </summary>
internal static class OidcIdpFiles
{
    /// <summary>The largest JWKS file read: a few keys.</summary>
    private const int MaxJwksBytes = 64 * 1024;

    public static List<TrustedOidcIdp> Read(IReadOnlyList<OidcIdpSettings> settings, List<string> problems)
    {
        var idps = new List<TrustedOidcIdp>();
        foreach (var (idp, i) in settings.Select((idp, i) => (idp, i)))
        {
            if (idp.Jwks is not { Length: > 0 } path || !File.Exists(path))
            {
                problems.Add($"oidcIdps[{i}].jwks: a JWKS file with the IDP's public signing keys is required.");
                continue;
            }

            if (new FileInfo(path).Length > MaxJwksBytes)
            {
                problems.Add($"oidcIdps[{i}].jwks: larger than {MaxJwksBytes / 1024} KiB.");
                continue;
            }

            try
            {
                idps.Add(new TrustedOidcIdp(idp.Issuer ?? "", idp.ClientId ?? "", TrustedOidcIdp.KeysFromJwks(File.ReadAllText(path)))
                {
                    AcceptHubVouchedClaims = idp.AcceptHubVouchedClaims,
                });
            }
            catch (ArgumentException)
            {
                problems.Add($"oidcIdps[{i}].jwks: not a JWKS document.");
            }
        }

        return idps;
    }
}
