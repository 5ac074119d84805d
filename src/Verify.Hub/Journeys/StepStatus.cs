namespace Verify.Hub.Journeys;

/// <summary>How a journey step ended.</summary>
internal enum StepStatus
{
    /// <summary>The step was taken and stored.</summary>
    Written,

    /// <summary>
    /// The step was taken and audited but not stored: its result is answered in the same request, whose answer removes
    /// the journey (compare-and-swap on the version the step started from).
    /// </summary>
    ToAnswer,

    /// <summary>The state machine refused it; the journey is unchanged.</summary>
    Refused,

    /// <summary>Another request changed the journey first; this request had no effect.</summary>
    Conflict,

    /// <summary>The journey no longer exists.</summary>
    Gone,
}
