namespace Verify.StubIdp.Requests;

/// <summary>
/// A validated AuthnRequest from the hub, waiting for the citizen's answer on the login page: what the Response
/// needs (which request it answers, where it goes, the RelayState to return), and when it arrived.
/// </summary>
internal sealed record PendingRequest
{
    /// <summary>The white-labelled IDP the request was sent to.</summary>
    public required string Slug { get; init; }

    /// <summary>The AuthnRequest's ID: the Response's InResponseTo.</summary>
    public required string RequestId { get; init; }

    /// <summary>The hub's entity ID (the validated Issuer): the audience of the assertions.</summary>
    public required string Issuer { get; init; }

    /// <summary>The hub's registered assertion consumer service: the Response's Destination and the form's action.</summary>
    public required string AssertionConsumerServiceUrl { get; init; }

    /// <summary>The RelayState the hub sent, returned unchanged (SAML Bindings 3.5.3), or null.</summary>
    public string? RelayState { get; init; }

    /// <summary>The requested authentication context classes (levels of assurance), as the hub listed them.</summary>
    public IReadOnlyList<string> RequestedAuthnContexts { get; init; } = [];

    /// <summary>The requested comparison (<c>exact</c>, <c>minimum</c>…), or null when no context was requested.</summary>
    public string? Comparison { get; init; }

    /// <summary>When the stub accepted the request (the stub's clock).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
