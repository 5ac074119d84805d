using Verify.Matching.Engine;
using Verify.Matching.Requests;
using Verify.MatchingService.Errors;

namespace Verify.MatchingService.Matching.Reference;

/// <summary>
/// The built-in matching logic: the reference engine over the department's records (ADR 0007). A match made through
/// the hub's query is linked (hashed PID → record) so the citizen matches in cycle 0 next time.
/// </summary>
public sealed class ReferenceLocalMatchingService(IMatchingEngine engine) : ILocalMatchingService
{
    private readonly IMatchingEngine _engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <inheritdoc />
    public async Task<LocalMatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default)
    {
        var result = await _engine.MatchAsync(request, cancellationToken).ConfigureAwait(false);
        return new LocalMatchResult(result.IsMatch, result.RecordId, $"{result.Outcome} in {result.Cycle}");
    }

    /// <inheritdoc />
    public async Task RecordMatchAsync(MatchRequest request, LocalMatchResult match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(match);
        if (!match.IsMatch || match.RecordId is null)
        {
            throw new ArgumentException("Only a match is recorded.", nameof(match));
        }

        var linked = await _engine.LinkAsync(request.HashedPid!, match.RecordId, request.LevelOfAssurance!, cancellationToken).ConfigureAwait(false);

        // ADR 0007: a hashed PID never moves to another record; a missing record means the store changed under us.
        if (linked is not (LinkResult.Linked or LinkResult.AlreadyLinked))
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.LinkRefused);
        }
    }

    /// <inheritdoc />
    public async Task<LocalAccountCreationResult> CreateAccountAsync(AccountCreationRequest request, CancellationToken cancellationToken = default)
    {
        var result = await _engine.CreateAccountAsync(request, cancellationToken).ConfigureAwait(false);
        return new LocalAccountCreationResult(result.Succeeded, result.Failure);
    }
}
