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
    /// A step the rules refuse is audited as refused and changes nothing.
    /// </summary>
    public async Task<StepResult> StepAsync(JourneyRecord journey, JourneyStep step, CancellationToken cancellationToken)
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

        var written = await store.TryUpdateAsync(next, cancellationToken).ConfigureAwait(false);
        if (written.Succeeded)
        {
            return new StepResult(StepStatus.Written, written.Journey!);
        }

        // The event above was written for a step that did not take effect: say so in the trail.
        await audit.StepRefusedAsync(journey, step.Name, HubAudit.ConcurrentStep, cancellationToken).ConfigureAwait(false);
        var current = await store.GetAsync(journey.Id, cancellationToken).ConfigureAwait(false);
        return current is null ? new StepResult(StepStatus.Gone, journey) : new StepResult(StepStatus.Conflict, current);
    }

    /// <summary>Removes the journey once the RP is answered; false when another request did (it answered instead).</summary>
    public async Task<bool> FinishAsync(JourneyRecord journey, CancellationToken cancellationToken) =>
        (await store.TryDeleteAsync(journey, cancellationToken).ConfigureAwait(false)).Succeeded;
}
