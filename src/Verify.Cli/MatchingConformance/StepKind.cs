namespace Verify.Cli.MatchingConformance;

/// <summary>What a scenario step sends, and where (VERIFY-REFERENCE.md, "Matching service ↔ local matching service").</summary>
internal enum StepKind
{
    /// <summary>Verify's match request (cycle 0/1, or cycle 3 with a cycle 3 dataset), POSTed to the match URL.</summary>
    Match = 0,

    /// <summary>Verify's account creation request <c>{hashedPid, levelOfAssurance}</c>, POSTed to the account-creation URL.</summary>
    AccountCreation = 1,
}
