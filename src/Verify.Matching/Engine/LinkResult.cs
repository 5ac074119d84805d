namespace Verify.Matching.Engine;

/// <summary>What <see cref="IMatchingEngine.LinkAsync"/> did.</summary>
public enum LinkResult
{
    /// <summary>The hashed PID is now linked to the record.</summary>
    Linked = 0,

    /// <summary>The hashed PID was already linked to this record; nothing changed.</summary>
    AlreadyLinked = 1,

    /// <summary>Refused: the hashed PID is linked to another record. A link is never moved silently.</summary>
    LinkedToAnotherRecord = 2,

    /// <summary>Refused: no record has that ID.</summary>
    RecordNotFound = 3,
}
