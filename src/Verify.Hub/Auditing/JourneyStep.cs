using Verify.Hub.Journey;

namespace Verify.Hub.Auditing;

/// <summary>What kind of business step a journey step is, for its audit event.</summary>
internal enum JourneyStepKind
{
    DeclareIntent = 1,
    SelectIdp = 2,
    Cancel = 3,
    IdpAnswer = 4,
    MatchingAnswer = 5,
    Cycle3Submitted = 6,
}

/// <summary>What the IDP said, for the audit event of an IDP answer.</summary>
internal enum IdpStepOutcome
{
    Succeeded = 1,
    Fraud = 2,
    Cancelled = 3,
    Pending = 4,
    UpliftFailed = 5,
    AuthnFailed = 6,
    RequesterError = 7,
}

/// <summary>
/// One step on a journey: its name (for logs, metrics and refusals), the transition, and what its audit event needs
/// beyond the journey (the IDP's answer). The values here are hashed before they reach the trail.
/// </summary>
internal sealed record JourneyStep(JourneyStepKind Kind, string Name, Func<JourneyRecord, JourneyRecord> Apply)
{
    /// <summary>What the IDP said, for <see cref="JourneyStepKind.IdpAnswer"/>.</summary>
    public IdpStepOutcome? IdpOutcome { get; init; }

    /// <summary>The RP's pairwise identifier, on success (hashed again for the trail).</summary>
    public string? PairwiseId { get; init; }

    /// <summary>The IDP's fraud event ID, on fraud (hashed for the trail).</summary>
    public string? FraudEventId { get; init; }

    /// <summary>The GPG 45 status, on fraud.</summary>
    public string? Gpg45Status { get; init; }

    /// <summary>The IDP's SAML status code, on a failure.</summary>
    public string? StatusCode { get; init; }

    /// <summary>What the matching service answered (<c>Match</c>, <c>NoMatch</c>, …), for <see cref="JourneyStepKind.MatchingAnswer"/>.</summary>
    public string? MatchOutcome { get; init; }

    /// <summary>Why no usable answer came (a catalogue error ID), for a matching answer that failed.</summary>
    public string? ErrorCode { get; init; }
}
