using Microsoft.AspNetCore.Http;

using Verify.Audit.Events;
using Verify.Hub.Auditing;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Errors;

namespace Verify.Hub.Journeys;

/// <summary>
/// Reads the citizen's journey from the cookie and takes steps on it with the store's compare-and-swap, so a repeated
/// POST (back button, double click, a second tab) has no second effect (ARCHITECTURE.md "One journey"). Every step is
/// audited before it is stored, and a refused step once; when the audit write fails, the step is not stored and
/// <see cref="Verify.Audit.AuditWriteException"/> reaches the caller (ADR 0017).
/// </summary>
internal sealed class JourneyService(IJourneyStore store, JourneyStateMachine machine, HubAudit audit)
{
    public JourneyStateMachine Machine => machine;

    /// <summary>The journey with this ID, as it reads now, or null.</summary>
    public Task<JourneyRecord?> GetAsync(JourneyId id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    /// <summary>The journey named by <paramref name="cookieName"/>, as it reads now (Timeout when expired), or null.</summary>
    public async Task<JourneyRecord?> FindAsync(HttpRequest request, string cookieName, CancellationToken cancellationToken)
    {
        var id = JourneyCookies.Read(request, cookieName);
        return id is null ? null : await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Audits the journey's start (SessionStarted), then stores it.</summary>
    public async Task<JourneyRecord> CreateAsync(JourneyRecord journey, AuditProtocol protocol, CancellationToken cancellationToken)
    {
        await audit.SessionStartedAsync(journey, protocol, cancellationToken).ConfigureAwait(false);
        return await store.CreateAsync(journey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies <paramref name="step"/>, audits it, and stores the result if nobody else changed the journey meanwhile.
    /// A step the rules refuse is audited as refused and changes nothing. When <paramref name="answeredAtOnce"/> says the
    /// result is answered in this same request, it is not stored (<see cref="StepStatus.ToAnswer"/>): the answer removes
    /// the journey with the same compare-and-swap (<see cref="FinishAsync"/>), so a state that would be deleted a moment
    /// later costs no write, and a lost race is reported by <see cref="LostAsync"/> as if the write had lost it.
    /// </summary>
    public async Task<StepResult> StepAsync(
        JourneyRecord journey, JourneyStep step, CancellationToken cancellationToken, Func<JourneyRecord, bool>? answeredAtOnce = null)
    {
        JourneyRecord next;
        try
        {
            next = step.Apply(journey);
        }
        catch (JourneyException refusal)
        {
            await audit.StepRefusedAsync(journey, step.Name, HubAudit.ErrorCodeOf(refusal), cancellationToken).ConfigureAwait(false);
            return new StepResult(StepStatus.Refused, journey, refusal);
        }

        foreach (var auditEvent in audit.StepEvents(journey, next, step))
        {
            await audit.StepAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        }

        if (answeredAtOnce?.Invoke(next) == true)
        {
            return new StepResult(StepStatus.ToAnswer, next);
        }

        var written = await store.TryUpdateAsync(next, cancellationToken).ConfigureAwait(false);
        return written.Succeeded
            ? new StepResult(StepStatus.Written, written.Journey!)
            : await LostAsync(journey, step.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A step whose write (or whose answer's <see cref="FinishAsync"/>) another request beat: the event audited for it
    /// did not take effect, which the trail says; the journey as the other request left it, or Gone.
    /// </summary>
    public async Task<StepResult> LostAsync(JourneyRecord journey, string stepName, CancellationToken cancellationToken)
    {
        await audit.StepRefusedAsync(journey, stepName, HubAudit.ConcurrentStep, cancellationToken).ConfigureAwait(false);
        var current = await store.GetAsync(journey.Id, cancellationToken).ConfigureAwait(false);
        return current is null ? new StepResult(StepStatus.Gone, journey) : new StepResult(StepStatus.Conflict, current);
    }

    /// <summary>Removes the journey once the RP is answered; false when another request did (it answered instead).</summary>
    public async Task<bool> FinishAsync(JourneyRecord journey, CancellationToken cancellationToken) =>
        (await store.TryDeleteAsync(journey, cancellationToken).ConfigureAwait(false)).Succeeded;
}
