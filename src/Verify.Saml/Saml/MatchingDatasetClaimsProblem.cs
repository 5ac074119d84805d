namespace Verify.Saml.Saml;

/// <summary>
/// Why <c>MatchingDatasetClaims.TryRead</c> found no usable matching dataset in an ID token; each caller turns
/// it into its own refusal (the hub's <c>VO3xxx</c>, the matching service's <c>VS5017</c>).
/// </summary>
public enum MatchingDatasetClaimsProblem
{
    /// <summary>A usable dataset was read.</summary>
    None = 0,

    /// <summary><c>verify_mds</c> or a standard claim could not be read (bad JSON shape, bad date, too deep).</summary>
    Unreadable = 1,

    /// <summary>The claims were read but lack a first name, a surname or a date of birth.</summary>
    Incomplete = 2,
}
