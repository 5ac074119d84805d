using Verify.Matching.Requests;

namespace Verify.Matching.Engine;

/// <summary>
/// Local matching: find the departmental record for a verified identity, link a hashed PID to a record,
/// create a record from verified attributes. <see cref="ReferenceMatchingEngine"/> is the built-in one;
/// the matching service may instead call a department's own service in the same JSON shapes.
/// </summary>
public interface IMatchingEngine
{
    /// <summary>
    /// Runs cycle 0 (a linked hashed PID), then cycle 1, or cycle 3 when the request carries a cycle 3
    /// dataset. Writes nothing to the records store.
    /// </summary>
    /// <exception cref="InvalidMatchRequestException">The request breaks the local-matching contract.</exception>
    Task<MatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Links a hashed PID to a record, so the citizen matches in cycle 0 next time. Only the SOAP path calls it, after a match.</summary>
    Task<LinkResult> LinkAsync(string hashedPid, string recordId, string levelOfAssurance, CancellationToken cancellationToken = default);

    /// <summary>Creates a record from the verified attributes and links the hashed PID to it.</summary>
    Task<AccountCreationResult> CreateAccountAsync(AccountCreationRequest request, CancellationToken cancellationToken = default);
}
