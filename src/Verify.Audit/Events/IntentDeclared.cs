namespace Verify.Audit.Events;

/// <summary>The citizen said whether they are signing in or registering.</summary>
public sealed record IntentDeclared : JourneyEvent
{
    /// <summary>Sign in or registration.</summary>
    public required AuditIntent Intent { get; init; }
}
