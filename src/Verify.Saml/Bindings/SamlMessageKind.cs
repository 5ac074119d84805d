namespace Verify.Saml.Bindings;

/// <summary>
/// Whether a bound message is a request or a response, which decides the form field or query parameter
/// that carries it: <c>SAMLRequest</c> or <c>SAMLResponse</c> (SAML Bindings 3.4.4 and 3.5.4).
/// </summary>
public enum SamlMessageKind
{
    /// <summary>A protocol request (AuthnRequest, AttributeQuery, LogoutRequest…), carried as <c>SAMLRequest</c>.</summary>
    Request = 1,

    /// <summary>A status response (Response, LogoutResponse…), carried as <c>SAMLResponse</c>.</summary>
    Response = 2,
}
