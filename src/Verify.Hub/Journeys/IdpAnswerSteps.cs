using Verify.Hub.Auditing;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Model;
using Verify.Saml.Validation;

namespace Verify.Hub.Journeys;

/// <summary>
/// The journey step for an IDP's answer, whichever protocol brought it (ARCHITECTURE.md step 3): a SAML Response at
/// the ACS or an OpenID Connect authorization response at the client callback end in the same state, with the same
/// audit event, for the same outcome (ADR 0022). The caller has already refused anything it could not trust.
/// </summary>
internal static class IdpAnswerSteps
{
    private const string AuthnFailedStatus = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
    private const string NoAuthnContextStatus = "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext";
    private const string RequesterStatus = "urn:oasis:names:tc:SAML:2.0:status:Requester";

    /// <summary>
    /// The step for <paramref name="outcome"/>: <paramref name="identity"/> and <paramref name="pairwiseId"/> for a
    /// success, <paramref name="fraud"/> for a fraud report; <paramref name="matchRequestId"/> for a matching RP.
    /// </summary>
    public static JourneyStep For(
        JourneyStateMachine machine,
        IdpOutcome outcome,
        InboundResponse inbound,
        IdpIdentity? identity = null,
        string? pairwiseId = null,
        FraudEvent? fraud = null,
        string? matchRequestId = null)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(inbound);
        var name = "Idp" + outcome;
        return outcome switch
        {
            IdpOutcome.Success => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpAuthnSucceeded(j, inbound, identity!, matchRequestId))
            {
                IdpOutcome = IdpStepOutcome.Succeeded,
                PairwiseId = pairwiseId ?? throw new ArgumentNullException(nameof(pairwiseId)),
            },
            IdpOutcome.Fraud => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpFraudDetected(j, inbound, fraud!))
            {
                IdpOutcome = IdpStepOutcome.Fraud,
                FraudEventId = (fraud ?? throw new ArgumentNullException(nameof(fraud))).IdpFraudEventId,
                Gpg45Status = fraud.Gpg45Status,
            },
            IdpOutcome.Cancelled => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpAuthnCancelled(j, inbound))
            {
                IdpOutcome = IdpStepOutcome.Cancelled,
            },
            IdpOutcome.NoAuthnContext => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpNoAuthnContext(j, inbound))
            {
                IdpOutcome = IdpStepOutcome.AuthnFailed,
                StatusCode = NoAuthnContextStatus,
            },
            IdpOutcome.UpliftFailed => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpUpliftFailed(j, inbound))
            {
                IdpOutcome = IdpStepOutcome.UpliftFailed,
            },
            IdpOutcome.AuthnFailed => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpAuthnFailed(j, inbound))
            {
                IdpOutcome = IdpStepOutcome.AuthnFailed,
                StatusCode = AuthnFailedStatus,
            },
            IdpOutcome.RequesterError => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpRequesterError(j, inbound))
            {
                IdpOutcome = IdpStepOutcome.RequesterError,
                StatusCode = RequesterStatus,
            },
            IdpOutcome.Pending => new JourneyStep(JourneyStepKind.IdpAnswer, name, j => machine.IdpAuthnPending(j, inbound))
            {
                IdpOutcome = IdpStepOutcome.Pending,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "No journey step for this outcome."),
        };
    }
}
