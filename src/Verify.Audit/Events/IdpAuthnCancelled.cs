namespace Verify.Audit.Events;

/// <summary>The IDP answered that the citizen cancelled.</summary>
public sealed record IdpAuthnCancelled : IdpEvent;
