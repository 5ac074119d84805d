namespace Verify.Audit.Events;

/// <summary>The hub answered the relying party (ARCHITECTURE.md step 5), whatever the outcome.</summary>
public sealed record ResponseSentToRp : JourneyEvent
{
    /// <summary>The outcome, as in the outcome table: <c>Success</c>, <c>NoMatch</c>, <c>AuthnFailed</c>, <c>RequesterError</c>, <c>Timeout</c>, ….</summary>
    public required AuditCode Outcome { get; init; }

    /// <summary>The level asserted to the RP, on success.</summary>
    public AssuranceLevel? Level { get; init; }

    /// <summary>The pairwise identifier sent to the RP, keyed-hashed, on success.</summary>
    public KeyedHash? PairwiseId { get; init; }

    /// <summary>The IDP that authenticated the citizen, when one did.</summary>
    public AuditEntityId? IdentityProvider { get; init; }
}
