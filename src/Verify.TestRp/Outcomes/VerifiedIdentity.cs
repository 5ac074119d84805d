namespace Verify.TestRp.Outcomes;

/// <summary>What a valid, successful hub Response says about the citizen.</summary>
/// <param name="LevelName">The level of assurance, e.g. <c>LEVEL_2</c>.</param>
/// <param name="LevelUri">The AuthnContextClassRef it was asserted as.</param>
/// <param name="PairwiseId">The persistent NameID: the hub's pairwise identifier for this citizen at this RP.</param>
/// <param name="Attributes">The asserted attributes, in document order.</param>
internal sealed record VerifiedIdentity(string LevelName, string LevelUri, string PairwiseId, IReadOnlyList<IdentityAttribute> Attributes)
{
    /// <summary>The registration (entity ID) the answer was for.</summary>
    public string? ServiceEntityId { get; init; }

    /// <summary>
    /// End-to-end: the matching service that signed the assertion (then <see cref="PairwiseId"/> is its hashed PID).
    /// Null when the hub asserted it.
    /// </summary>
    public string? AssertedBy { get; init; }
}
