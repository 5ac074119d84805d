using Verify.Hub.Journey;

namespace Verify.Hub.Journeys;

/// <summary>
/// What became of one journey step: written (the new journey), refused by the state machine (nothing changed), or
/// lost to a concurrent write of the same journey (a double submit: nothing changed by this request; the journey as
/// the other request left it).
/// </summary>
internal sealed record StepResult(StepStatus Status, JourneyRecord Journey, Exception? Refusal = null)
{
    public bool Written => Status == StepStatus.Written;
}
