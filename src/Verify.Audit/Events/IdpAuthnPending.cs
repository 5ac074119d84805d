namespace Verify.Audit.Events;

/// <summary>The IDP answered that the citizen's registration is pending (Verify's paused registration).</summary>
public sealed record IdpAuthnPending : IdpEvent;
