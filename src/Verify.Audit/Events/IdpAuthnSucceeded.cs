namespace Verify.Audit.Events;

/// <summary>The IDP's response was valid and authenticated the citizen at an accepted level (ARCHITECTURE.md step 3).</summary>
public sealed record IdpAuthnSucceeded : IdpEvent
{
    /// <summary>The level the IDP asserted.</summary>
    public required AssuranceLevel Level { get; init; }

    /// <summary>The RP's pairwise identifier for this citizen, keyed-hashed again (never the IDP's PID, never in clear).</summary>
    public required KeyedHash PairwiseId { get; init; }
}
