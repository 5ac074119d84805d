namespace Verify.Audit.Events;

/// <summary>The IDP answered that it could not raise the citizen's account to the requested level.</summary>
public sealed record IdpUpliftFailed : IdpEvent
{
    /// <summary>The level the hub had asked for.</summary>
    public required AssuranceLevel RequestedLevel { get; init; }
}
