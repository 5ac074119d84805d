namespace Verify.Audit.Events;

/// <summary>What the citizen said on the start page (ARCHITECTURE.md: the flag travels with the journey). Written by name.</summary>
public enum AuditIntent
{
    /// <summary>Signing in with an existing identity account.</summary>
    SignIn = 1,

    /// <summary>Registering a new identity account.</summary>
    Registration = 2,
}
