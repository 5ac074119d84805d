namespace Verify.Saml.Samlp;

/// <summary>
/// A <c>samlp:AuthnRequest</c> (SAML Core 3.4.1): a relying party asks the hub, or the hub asks an IDP, to
/// authenticate the citizen. <c>Subject</c>, <c>Conditions</c> and <c>Scoping</c> are not supported and are
/// refused when reading.
/// </summary>
public sealed record AuthnRequest : SamlRequest
{
    /// <summary>The identifier the requester wants back.</summary>
    public NameIdPolicy? NameIdPolicy { get; init; }

    /// <summary>The authentication contexts (levels of assurance) the requester accepts.</summary>
    public RequestedAuthnContext? RequestedAuthnContext { get; init; }

    /// <summary>Whether the IDP must authenticate afresh rather than rely on a session (absent means false).</summary>
    public bool ForceAuthn { get; init; }

    /// <summary>Whether the IDP must not interact with the citizen (absent means false).</summary>
    public bool IsPassive { get; init; }

    /// <summary>Where the response is to be sent; checked against registration, never trusted.</summary>
    public string? AssertionConsumerServiceUrl { get; init; }

    /// <summary>The index of a registered assertion consumer service (an <c>xs:unsignedShort</c>).</summary>
    public int? AssertionConsumerServiceIndex { get; init; }

    /// <summary>The binding the response is to be sent with (see <see cref="SamlBindings"/>).</summary>
    public string? ProtocolBinding { get; init; }

    /// <summary>The index of a registered attribute consuming service (an <c>xs:unsignedShort</c>).</summary>
    public int? AttributeConsumingServiceIndex { get; init; }

    /// <summary>A human-readable name of the requester.</summary>
    public string? ProviderName { get; init; }
}
