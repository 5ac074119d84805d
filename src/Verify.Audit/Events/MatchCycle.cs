namespace Verify.Audit.Events;

/// <summary>Which matching request was sent (ARCHITECTURE.md step 4). Written by name.</summary>
public enum MatchCycle
{
    /// <summary>The first request: cycles 0 and 1, the IDP's matching dataset.</summary>
    Cycle0And1 = 1,

    /// <summary>The retry with the citizen's extra identifier (cycle 3).</summary>
    Cycle3 = 3,

    /// <summary>The request to create a user account.</summary>
    UserAccountCreation = 4,
}
