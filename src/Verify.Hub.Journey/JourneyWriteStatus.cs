namespace Verify.Hub.Journey;

/// <summary>How a compare-and-swap write of a journey ended. Explicit numbers: logged and audited.</summary>
public enum JourneyWriteStatus
{
    /// <summary>The write happened; the journey's version went up by one.</summary>
    Written = 1,

    /// <summary>
    /// The stored version is not the one the write was based on: another request (a double-submitted form, a
    /// second node) moved the journey first. Nothing was written; re-read the journey.
    /// </summary>
    VersionConflict = 2,

    /// <summary>No such journey: it expired, was deleted, or never existed. Nothing was written.</summary>
    NotFound = 3,
}
