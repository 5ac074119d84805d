namespace Verify.Audit;

/// <summary>
/// A level of assurance as the audit trail records it (written as <c>LEVEL_1</c> … <c>LEVEL_4</c>). Explicit numbers
/// (STYLE.md: enums that are compared get explicit ranks). <c>LEVEL_X</c> is not a level (ARCHITECTURE.md): a fraud
/// response is its own event, <see cref="Events.FraudDetected"/>, so it has no member here.
/// </summary>
public enum AssuranceLevel
{
    /// <summary>LEVEL_1: balance of probabilities.</summary>
    Level1 = 1,

    /// <summary>LEVEL_2: beyond reasonable doubt.</summary>
    Level2 = 2,

    /// <summary>LEVEL_3.</summary>
    Level3 = 3,

    /// <summary>LEVEL_4.</summary>
    Level4 = 4,
}
