using Verify.Matching.Engine;
using Verify.Matching.Requests;

namespace Verify.MatchingService.Matching;

/// <summary>
/// The department's matching logic, in Verify's local-matching shapes (VERIFY-REFERENCE.md): the built-in reference
/// engine (<see cref="Reference.ReferenceLocalMatchingService"/>) or the department's own service over HTTP JSON
/// (<see cref="Http.HttpLocalMatchingService"/>). Only checked queries reach it.
/// </summary>
public interface ILocalMatchingService
{
    /// <summary>Cycle 0/1, or cycle 3 when the request carries a cycle 3 dataset. Writes nothing.</summary>
    /// <exception cref="Errors.MatchingServiceException">The logic failed or did not answer in time.</exception>
    /// <exception cref="InvalidMatchRequestException">The request breaks the local-matching contract.</exception>
    Task<LocalMatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a match made through the hub's SOAP query, so the citizen matches in cycle 0 next time (the reference
    /// engine links the hashed PID to the record). Called only after a match on the SOAP path, never by <c>POST /match</c>.
    /// A department's own service keeps its own links: nothing to do there.
    /// </summary>
    /// <exception cref="Errors.MatchingServiceException">The link was refused (<c>LinkRefused</c>).</exception>
    Task RecordMatchAsync(MatchRequest request, LocalMatchResult match, CancellationToken cancellationToken = default);

    /// <summary>Creates an account for a citizen no record matched.</summary>
    /// <exception cref="Errors.MatchingServiceException">The logic failed or did not answer in time.</exception>
    Task<LocalAccountCreationResult> CreateAccountAsync(AccountCreationRequest request, CancellationToken cancellationToken = default);
}
