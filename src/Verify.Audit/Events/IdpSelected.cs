namespace Verify.Audit.Events;

/// <summary>The citizen chose an identity provider and the hub sent it an AuthnRequest (ARCHITECTURE.md step 2).</summary>
public sealed record IdpSelected : IdpEvent
{
    /// <summary>The level the hub asked the IDP for.</summary>
    public required AssuranceLevel RequestedLevel { get; init; }
}
