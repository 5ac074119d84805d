namespace Verify.Hub.Journey.Outcomes;

/// <summary>
/// What the RP receives for a journey's end state, protocol-neutral: the SAML layer renders
/// <see cref="Status"/>, <see cref="SubStatus"/> and <see cref="Detail"/> as a Status (the detail as its
/// StatusMessage), the OIDC layer returns <see cref="OidcError"/> with the detail as <c>error_description</c>.
/// </summary>
/// <param name="Status">The top-level status.</param>
/// <param name="SubStatus">The second-level status.</param>
/// <param name="Detail">A stable, machine-readable word that tells this end state from the others (<see cref="RpOutcomeDetails"/>).</param>
/// <param name="OidcError">The OAuth 2.0 error code (RFC 6749 4.1.2.1); null for success.</param>
public sealed record RpOutcome(RpStatus Status, RpSubStatus SubStatus, string Detail, string? OidcError)
{
    /// <summary>True only for a success: the RP receives the verified identity.</summary>
    public bool IsSuccess => Status == RpStatus.Success;
}
