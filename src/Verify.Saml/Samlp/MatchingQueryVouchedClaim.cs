namespace Verify.Saml.Samlp;

/// <summary>
/// An identity claim the hub took from an OIDC IDP's userinfo answer (OIDC Core 5.3), not from its signed ID token
/// (ADR 0025 addendum): the claim's name and value, as the hub states them in its signed matching query. It is the
/// hub's word, not the IDP's; a matching service uses it only where its department allows it for that IDP.
/// </summary>
/// <param name="Name">An OIDC Core 5.1 standard claim the dataset reads (<see cref="Saml.MatchingDatasetClaims.StandardClaims"/>).</param>
/// <param name="Value">The claim's value as userinfo gave it (at most <see cref="Saml.MatchingDatasetClaims.MaxClaimLength"/> characters).</param>
public sealed record MatchingQueryVouchedClaim(string Name, string Value)
{
    /// <summary>Whether the name is a claim the dataset reads and the value is non-blank text within the limit.</summary>
    public bool IsWellFormed =>
        Saml.MatchingDatasetClaims.StandardClaims.Contains(Name, StringComparer.Ordinal)
        && !string.IsNullOrWhiteSpace(Value) && Value.Length <= Saml.MatchingDatasetClaims.MaxClaimLength
        && !Value.Any(char.IsControl);
}
