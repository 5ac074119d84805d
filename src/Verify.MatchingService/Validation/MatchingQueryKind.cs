namespace Verify.MatchingService.Validation;

/// <summary>What a validated query asks.</summary>
public enum MatchingQueryKind
{
    /// <summary>No assertion: is the matching service up? Answered Success / healthy.</summary>
    HealthCheck = 1,

    /// <summary>Cycle 0 (a linked hashed PID) then cycle 1 (the matching dataset).</summary>
    Match = 2,

    /// <summary>Cycle 3: the matching dataset corroborating the identifier the citizen typed.</summary>
    Cycle3 = 3,

    /// <summary>Create an account from the verified identity and return the attributes asked for.</summary>
    AccountCreation = 4,
}
