using Microsoft.AspNetCore.Http;

using Verify.Hub.Journey;
using Verify.Hub.Journey.Errors;

namespace Verify.Hub.Journeys;

/// <summary>
/// Reads the citizen's journey from the cookie and takes steps on it with the store's compare-and-swap, so a repeated
/// POST (back button, double click, a second tab) has no second effect (ARCHITECTURE.md "One journey").
/// </summary>
internal sealed class JourneyService(IJourneyStore store, JourneyStateMachine machine)
{
    public JourneyStateMachine Machine => machine;

    /// <summary>The journey named by <paramref name="cookieName"/>, as it reads now (Timeout when expired), or null.</summary>
    public async Task<JourneyRecord?> FindAsync(HttpRequest request, string cookieName, CancellationToken cancellationToken)
    {
        var id = JourneyCookies.Read(request, cookieName);
        return id is null ? null : await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public Task<JourneyRecord> CreateAsync(JourneyRecord journey, CancellationToken cancellationToken) =>
        store.CreateAsync(journey, cancellationToken);

    /// <summary>Applies <paramref name="step"/> and stores the result if nobody else changed the journey meanwhile.</summary>
    public async Task<StepResult> StepAsync(JourneyRecord journey, Func<JourneyRecord, JourneyRecord> step, CancellationToken cancellationToken)
    {
        JourneyRecord next;
        try
        {
            next = step(journey);
        }
        catch (JourneyException refusal)
        {
            return new StepResult(StepStatus.Refused, journey, refusal);
        }

        var written = await store.TryUpdateAsync(next, cancellationToken).ConfigureAwait(false);
        if (written.Succeeded)
        {
            return new StepResult(StepStatus.Written, written.Journey!);
        }

        var current = await store.GetAsync(journey.Id, cancellationToken).ConfigureAwait(false);
        return current is null ? new StepResult(StepStatus.Gone, journey) : new StepResult(StepStatus.Conflict, current);
    }

    /// <summary>Removes the journey once the RP is answered; false when another request did (it answered instead).</summary>
    public async Task<bool> FinishAsync(JourneyRecord journey, CancellationToken cancellationToken) =>
        (await store.TryDeleteAsync(journey, cancellationToken).ConfigureAwait(false)).Succeeded;
}
