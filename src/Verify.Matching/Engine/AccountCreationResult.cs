namespace Verify.Matching.Engine;

/// <summary>Verify's account creation answer, <c>success</c> or <c>failure</c>, with the new record's ID on success.</summary>
/// <param name="Succeeded">True when the record was created and linked.</param>
/// <param name="RecordId">The new record's ID on success.</param>
/// <param name="Failure">Why not, naming fields only (safe to log).</param>
public sealed record AccountCreationResult(bool Succeeded, string? RecordId, string? Failure)
{
    internal static AccountCreationResult Created(string recordId) => new(true, recordId, null);

    internal static AccountCreationResult Failed(string reason) => new(false, null, reason);
}
