namespace Verify.Hub.Journey.Outcomes;

/// <summary>
/// The second-level status: SAML's <c>AuthnFailed</c> and <c>NoAuthnContext</c> (SAML Core 3.2.2.2), or Verify's
/// hub-defined <c>urn:uk:gov:cabinet-office:tc:saml:statuscode:no-match</c>.
/// </summary>
public enum RpSubStatus
{
    /// <summary>No second-level status.</summary>
    None = 0,

    /// <summary>SAML <c>AuthnFailed</c>: the citizen could not be authenticated.</summary>
    AuthnFailed = 1,

    /// <summary>SAML <c>NoAuthnContext</c>: no authentication could be given; the detail says why.</summary>
    NoAuthnContext = 2,

    /// <summary>Verify's <c>no-match</c>: the matching service found no record (sent with Responder, not Success).</summary>
    NoMatch = 3,
}
