using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.MatchingService.Validation;

/// <summary>
/// A matching query after every check of <see cref="MatchingQueryValidator"/>: signed by the hub, its IDP assertions
/// signed by a registered IDP, fresh, about one subject, at an accepted level, never seen before. Only the validator
/// makes one, so nothing unchecked reaches the matching logic.
/// </summary>
public sealed class ValidatedMatchingQuery
{
    internal ValidatedMatchingQuery(string queryId, MatchingQueryKind kind)
    {
        QueryId = queryId;
        Kind = kind;
    }

    /// <summary>The AttributeQuery's ID: the answer's InResponseTo.</summary>
    public string QueryId { get; }

    /// <summary>What the query asks.</summary>
    public MatchingQueryKind Kind { get; }

    /// <summary>The relying party the answer is for (its audience). Null for a health check.</summary>
    public string? RelyingPartyEntityId { get; internal init; }

    /// <summary>The RP's ACS: the answer's bearer Recipient.</summary>
    public string? AssertionConsumerServiceUrl { get; internal init; }

    /// <summary>The RP's AuthnRequest ID: the answer's bearer InResponseTo, and the match ID cycle 3 attempts are counted by.</summary>
    public string? AuthnRequestId { get; internal init; }

    /// <summary>The IDP that verified the citizen.</summary>
    public string? IdpEntityId { get; internal init; }

    /// <summary>Verify's hashed PID for this IDP, this matching service and this level.</summary>
    public string? HashedPid { get; internal init; }

    /// <summary>The level of assurance, <c>LEVEL_1</c> to <c>LEVEL_4</c>.</summary>
    public string? LevelOfAssurance { get; internal init; }

    /// <summary>When the citizen authenticated at the IDP.</summary>
    public DateTimeOffset? AuthnInstant { get; internal init; }

    /// <summary>The matching dataset the IDP asserted.</summary>
    public MatchingDataset? MatchingDataset { get; internal init; }

    /// <summary>The identifier the citizen typed, from the hub's cycle 3 assertion.</summary>
    public Cycle3Value? Cycle3 { get; internal init; }

    /// <summary>The account-creation attributes asked for (account creation only).</summary>
    public IReadOnlyList<string> RequestedAttributes { get; internal init; } = [];
}
