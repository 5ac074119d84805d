namespace Verify.TestRp.Oidc;

/// <summary>
/// An authorization error response (RFC 6749 4.1.2.1) the hub sent for this browser's request: it passed the state,
/// request forgery and issuer checks (<see cref="HubErrorMarker"/>). Like a SAML failure status, it is not an error of
/// the RP's: the citizen did not prove their identity (<c>access_denied</c> when they cancelled).
/// </summary>
/// <param name="Error">The <c>error</c> code.</param>
/// <param name="Description">The <c>error_description</c>, if any.</param>
internal sealed record OidcHubError(string Error, string? Description);
