namespace Verify.Saml.Samlp;

/// <summary>A <c>samlp:LogoutResponse</c> (SAML Core 3.7.2): the outcome of a logout request.</summary>
public sealed record LogoutResponse : StatusResponse;
