using Verify.Saml.Samlp;

namespace Verify.Saml.Validation;

/// <summary>An AuthnRequest that <see cref="AuthnRequestValidator"/> accepted, with what the answer needs.</summary>
public sealed record ValidAuthnRequest
{
    /// <summary>The request, read from the element whose signature was verified (or from a verified Redirect query).</summary>
    public required AuthnRequest Request { get; init; }

    /// <summary>The registered sender that signed it.</summary>
    public required string Issuer { get; init; }

    /// <summary>Where the answer goes: a registered assertion consumer service, never a URL only the request named.</summary>
    public required string AssertionConsumerServiceUrl { get; init; }

    /// <summary>The RelayState that came with the request (already length-checked by the binding), or null.</summary>
    public string? RelayState { get; init; }
}
