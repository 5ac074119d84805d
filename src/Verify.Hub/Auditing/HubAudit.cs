using Verify.Audit;
using Verify.Audit.Events;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Errors;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.Outcomes;
using Verify.Hub.Journey.States;
using Verify.Hub.Telemetry;
using Verify.Saml.Errors;

namespace Verify.Hub.Auditing;

/// <summary>
/// Writes the hub's audit events (ADR 0013): one per business step and one per refusal, with keyed hashes in place of
/// every identifier of a person or a journey. An append returns only once the event is durable and throws
/// <see cref="AuditWriteException"/> otherwise; callers write the event <em>before</em> the step takes effect (before
/// the journey is stored in its new state, before a response leaves the hub), so when the trail cannot be written
/// the journey does not proceed (ADR 0017). Each written event also counts in <see cref="HubMetrics"/>.
/// </summary>
internal sealed partial class HubAudit(IAuditSink sink, AuditHasher hasher, HubMetrics metrics, TimeProvider time)
{
    /// <summary>The error code of a step that lost to a concurrent request after its event was written.</summary>
    public const string ConcurrentStep = "ConcurrentStep";

    /// <summary>An RP's request was accepted: <paramref name="journey"/> is about to be stored.</summary>
    public async Task SessionStartedAsync(JourneyRecord journey, AuditProtocol protocol, CancellationToken cancellationToken)
    {
        await AppendAsync(new SessionStarted
        {
            Stamp = Stamp(),
            Journey = hasher.Journey(journey.Id.Value),
            RelyingParty = Entity(journey.Rp.RpId),
            Protocol = protocol,
            RequestedLevel = Level(journey.Rp.AcceptedLevels.Lowest),
            Request = hasher.Request(journey.Rp.RequestId),
        }, cancellationToken).ConfigureAwait(false);
        metrics.JourneyStarted(protocol);
    }

    /// <summary>The event for a step from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public AuditEvent StepEvent(JourneyRecord before, JourneyRecord after, JourneyStep step)
    {
        var journey = hasher.Journey(after.Id.Value);
        var rp = Entity(after.Rp.RpId);
        return step.Kind switch
        {
            JourneyStepKind.DeclareIntent => new IntentDeclared
            {
                Stamp = Stamp(),
                Journey = journey,
                RelyingParty = rp,
                Intent = after.Intent == JourneyIntent.Registration ? AuditIntent.Registration : AuditIntent.SignIn,
            },
            JourneyStepKind.SelectIdp when after.State is IdpSelectedState selected => new IdpSelected
            {
                Stamp = Stamp(),
                Journey = journey,
                RelyingParty = rp,
                IdentityProvider = Entity(selected.Idp.IdpId),
                RequestedLevel = Level(selected.Idp.RequestedLevel),
            },
            JourneyStepKind.Cancel => new JourneyCancelled
            {
                Stamp = Stamp(),
                Journey = journey,
                RelyingParty = rp,
                State = Code(before.State.Name),
            },
            JourneyStepKind.IdpAnswer => IdpEvent(before, after, step, journey, rp),
            JourneyStepKind.MatchingAnswer => MatchResponseEvent(after, step, journey, rp),
            _ => throw new InvalidOperationException($"No audit event for the step {step.Kind} into {after.State.Name}."),
        };
    }

    /// <summary>Writes <paramref name="auditEvent"/> (the event of a step about to be stored).</summary>
    public Task StepAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => AppendAsync(auditEvent, cancellationToken);

    /// <summary>A step the journey's rules refused; nothing changed.</summary>
    public async Task StepRefusedAsync(JourneyRecord journey, string step, string errorCode, CancellationToken cancellationToken)
    {
        await AppendAsync(new JourneyStepRefused
        {
            Stamp = Stamp(),
            Journey = hasher.Journey(journey.Id.Value),
            RelyingParty = Entity(journey.Rp.RpId),
            State = Code(journey.State.Name),
            Step = Code(step),
            ErrorCode = Code(errorCode),
        }, cancellationToken).ConfigureAwait(false);
        metrics.Refused("journey-step", errorCode);
    }

    /// <summary>The error code of a journey refusal: the rule broken, or an illegal transition.</summary>
    public static string ErrorCodeOf(Exception refusal) => refusal switch
    {
        JourneyRuleException rule => rule.Rule.ToString(),
        _ => "IllegalTransition",
    };

    /// <summary>An RP's request was refused; no journey exists.</summary>
    public async Task AuthnRequestRefusedAsync(AuditProtocol protocol, SamlErrorCode code, CancellationToken cancellationToken)
    {
        var errorId = SamlErrors.IdOf(code);
        await AppendAsync(new AuthnRequestRefused
        {
            Stamp = Stamp(),
            Protocol = protocol,
            ErrorCode = Code(errorId),
        }, cancellationToken).ConfigureAwait(false);
        metrics.Refused("authn-request", errorId);
    }

    /// <summary>An IDP's response was refused; the journey (when there was one) is unchanged.</summary>
    public async Task IdpResponseRefusedAsync(JourneyRecord? journey, string errorCode, string? issuer, string? inResponseTo, CancellationToken cancellationToken)
    {
        await AppendAsync(new IdpResponseRefused
        {
            Stamp = Stamp(),
            ErrorCode = Code(errorCode),
            Journey = journey is null ? null : hasher.Journey(journey.Id.Value),
            RelyingParty = journey is null ? null : Entity(journey.Rp.RpId),
            Issuer = AuditEntityId.TryParse(issuer, out var id) ? id : null,
            Request = string.IsNullOrEmpty(inResponseTo) || inResponseTo.Length > AuditHasher.MaximumInputLength ? null : hasher.Request(inResponseTo),
        }, cancellationToken).ConfigureAwait(false);
        metrics.Refused("idp-response", errorCode);
    }

    /// <summary>
    /// The hub is about to answer the RP for the ended <paramref name="journey"/> (already removed from the store):
    /// a timed-out journey is recorded as such first.
    /// </summary>
    public async Task ResponseSentToRpAsync(JourneyRecord journey, RpOutcome outcome, string? pairwiseId, CancellationToken cancellationToken)
    {
        var hashed = hasher.Journey(journey.Id.Value);
        var rp = Entity(journey.Rp.RpId);
        if (journey.State is TimeoutState)
        {
            await AppendAsync(new JourneyTimedOut { Stamp = Stamp(), Journey = hashed, RelyingParty = rp, State = Code(journey.State.Name) }, cancellationToken)
                .ConfigureAwait(false);
        }

        var success = outcome.IsSuccess ? Journeys.VerifiedCitizen.Of(journey.State) : null;
        await AppendAsync(new ResponseSentToRp
        {
            Stamp = Stamp(),
            Journey = hashed,
            RelyingParty = rp,
            Outcome = Code(outcome.Detail),
            Level = success is null ? null : Level(success.Identity.Level),
            PairwiseId = pairwiseId is null ? null : hasher.PairwiseId(pairwiseId),
            IdentityProvider = success is null ? null : Entity(success.Idp.IdpId),
        }, cancellationToken).ConfigureAwait(false);
        metrics.JourneyEnded(outcome.Detail, time.GetUtcNow() - journey.CreatedAt);
    }

    private IdpEvent IdpEvent(JourneyRecord before, JourneyRecord after, JourneyStep step, KeyedHash journey, AuditEntityId rp)
    {
        var idp = Entity(((IdpSelectedState)before.State).Idp.IdpId);
        var requested = Level(((IdpSelectedState)before.State).Idp.RequestedLevel);
        return step.IdpOutcome switch
        {
            IdpStepOutcome.Succeeded when Journeys.VerifiedCitizen.Of(after.State) is { } success => new IdpAuthnSucceeded
            {
                Stamp = Stamp(),
                Journey = journey,
                RelyingParty = rp,
                IdentityProvider = idp,
                Level = Level(success.Identity.Level),
                PairwiseId = hasher.PairwiseId(step.PairwiseId!),
            },
            IdpStepOutcome.Fraud => new FraudDetected
            {
                Stamp = Stamp(),
                Journey = journey,
                RelyingParty = rp,
                IdentityProvider = idp,
                FraudEvent = hasher.FraudEvent(step.FraudEventId!),
                Gpg45Status = Code(step.Gpg45Status!),
            },
            IdpStepOutcome.Cancelled => new IdpAuthnCancelled { Stamp = Stamp(), Journey = journey, RelyingParty = rp, IdentityProvider = idp },
            IdpStepOutcome.Pending => new IdpAuthnPending { Stamp = Stamp(), Journey = journey, RelyingParty = rp, IdentityProvider = idp },
            IdpStepOutcome.UpliftFailed => new IdpUpliftFailed { Stamp = Stamp(), Journey = journey, RelyingParty = rp, IdentityProvider = idp, RequestedLevel = requested },
            IdpStepOutcome.RequesterError => new IdpRequesterError
            {
                Stamp = Stamp(),
                Journey = journey,
                RelyingParty = rp,
                IdentityProvider = idp,
                StatusCode = Code(step.StatusCode!),
            },
            _ => new IdpAuthnFailed
            {
                Stamp = Stamp(),
                Journey = journey,
                RelyingParty = rp,
                IdentityProvider = idp,
                StatusCode = Code(step.StatusCode!),
            },
        };
    }

    private async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        try
        {
            await sink.AppendAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (AuditWriteException)
        {
            metrics.AuditWriteFailed(auditEvent.EventType);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A sink that throws anything else has not written the event either: one exception type for callers.
            metrics.AuditWriteFailed(auditEvent.EventType);
            throw new AuditWriteException($"The {auditEvent.EventType} audit event was not written: {ex.GetType().Name}", ex);
        }
    }

    private AuditStamp Stamp() => AuditStamp.Create(time);

    // Entity IDs come from registration (validated when registered), so Parse cannot fail for a registered party.
    private static AuditEntityId Entity(string entityId) => AuditEntityId.Parse(entityId);

    private static AuditCode Code(string value) => AuditCode.TryParse(value, out var code) ? code : AuditCode.Parse("Unrecognised");

    private static AssuranceLevel Level(LevelOfAssurance level) => (AssuranceLevel)level.Rank;
}
