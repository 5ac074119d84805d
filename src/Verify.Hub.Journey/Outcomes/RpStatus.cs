namespace Verify.Hub.Journey.Outcomes;

/// <summary>
/// The top-level answer to the RP, named after SAML's top-level status codes (SAML Core 3.2.2.2); the SAML layer
/// renders them as <c>urn:oasis:names:tc:SAML:2.0:status:…</c>, the OIDC layer as success or an error.
/// </summary>
public enum RpStatus
{
    /// <summary>The citizen's identity is verified.</summary>
    Success = 1,

    /// <summary>The fault lies with the request (OIDC <c>invalid_request</c>).</summary>
    Requester = 2,

    /// <summary>The hub, an IDP or the citizen could not complete the journey.</summary>
    Responder = 3,
}
