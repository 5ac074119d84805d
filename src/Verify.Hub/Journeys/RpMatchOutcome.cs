using Verify.Hub.Journey;
using Verify.Hub.Journey.Outcomes;
using Verify.Hub.Journey.States;
using Verify.Saml.Saml;

namespace Verify.Hub.Journeys;

/// <summary>
/// What a hub-asserted matching RP is told besides the identity, in either protocol (ADR 0018, ADR 0026): what its
/// matching service answered (<c>match</c> or <c>created</c>) and the hashed PID that service linked to the
/// department's record (the hub computes the value it checked the service's answer against). The names are the same
/// URIs for SAML attributes and OIDC claims, as the levels of assurance are one vocabulary for both.
/// </summary>
/// <param name="Outcome"><see cref="RpOutcomeDetails.Match"/> or <see cref="RpOutcomeDetails.Created"/>.</param>
/// <param name="HashedPid">The hashed PID of the citizen at the RP's matching service.</param>
internal sealed record RpMatchOutcome(string Outcome, string HashedPid)
{
    /// <summary>The name of the outcome (SAML attribute, OIDC claim).</summary>
    public const string OutcomeName = HubAttributeNames.MatchOutcome;

    /// <summary>The name of the hashed PID (SAML attribute, OIDC claim).</summary>
    public const string HashedPidName = HubAttributeNames.HashedPid;

    /// <summary>The outcome of a journey that ended in a match or a created account for a matching RP; null otherwise.</summary>
    public static RpMatchOutcome? Of(JourneyRecord journey, VerifiedCitizen success)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(success);
        var outcome = journey.State switch
        {
            SuccessfulMatchState => RpOutcomeDetails.Match,
            UserAccountCreatedState => RpOutcomeDetails.Created,
            _ => null,
        };
        return outcome is null || journey.Rp.Matching is not { } matching
            ? null
            : new RpMatchOutcome(outcome, Verify.Saml.Saml.HashedPid.Compute(
                success.Idp.IdpId, matching.MatchingServiceId, success.Identity.PersistentId, success.Identity.Level.Name));
    }

    /// <summary>Shows the outcome only: the hashed PID is an identifier of the citizen.</summary>
    public override string ToString() => $"{nameof(RpMatchOutcome)} {{ Outcome = {Outcome} }}";
}
