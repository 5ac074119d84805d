namespace Verify.Matching.Engine;

/// <summary>Verify's matching cycles (the numbers are Verify's; there is no cycle 2).</summary>
public enum MatchCycle
{
    /// <summary>The hashed PID is already linked to a record.</summary>
    Cycle0 = 0,

    /// <summary>The matching dataset against the records.</summary>
    Cycle1 = 1,

    /// <summary>An extra identifier the citizen typed, corroborated by the matching dataset.</summary>
    Cycle3 = 3,
}
