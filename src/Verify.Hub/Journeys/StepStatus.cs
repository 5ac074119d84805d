namespace Verify.Hub.Journeys;

/// <summary>How a journey step ended.</summary>
internal enum StepStatus
{
    /// <summary>The step was taken and stored.</summary>
    Written,

    /// <summary>The state machine refused it; the journey is unchanged.</summary>
    Refused,

    /// <summary>Another request changed the journey first; this request had no effect.</summary>
    Conflict,

    /// <summary>The journey no longer exists.</summary>
    Gone,
}
