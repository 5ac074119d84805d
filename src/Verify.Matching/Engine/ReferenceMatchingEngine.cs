using Verify.Matching.Requests;
using Verify.Matching.Storage;

namespace Verify.Matching.Engine;

/// <summary>
/// The reference matching engine over departmental records (docs/adr/0007-matching-engine.md):
/// cycle 0 by linked hashed PID, cycle 1 by the matching dataset, cycle 3 by a corroborated identifier.
/// Exactly one candidate is a match; none or several is a no-match. Matching writes nothing.
/// </summary>
public sealed class ReferenceMatchingEngine : IMatchingEngine
{
    private readonly MatchingDatabase _database;
    private readonly ICycle3AttemptCounter _attempts;
    private readonly MatchRequestValidator _validator;
    private readonly RecordLinker _linker;
    private readonly AccountCreator _accounts;

    /// <summary>Makes the engine over <paramref name="database"/>.</summary>
    public ReferenceMatchingEngine(
        MatchingDatabase database, MatchingOptions options, ICycle3AttemptCounter attempts, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _attempts = attempts ?? throw new ArgumentNullException(nameof(attempts));
        ArgumentNullException.ThrowIfNull(timeProvider);
        _validator = new MatchRequestValidator(options);
        _linker = new RecordLinker(database, timeProvider);
        _accounts = new AccountCreator(database, options, timeProvider);
    }

    /// <summary>An engine with the in-memory cycle 3 attempt counter.</summary>
    public static ReferenceMatchingEngine Create(MatchingDatabase database, MatchingOptions options, TimeProvider timeProvider) =>
        new(database, options, new InMemoryCycle3AttemptCounter(options, timeProvider), timeProvider);

    /// <inheritdoc />
    public async Task<MatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default)
    {
        var validation = _validator.Validate(request);
        if (!validation.IsValid)
        {
            throw new InvalidMatchRequestException(validation.Errors);
        }

        var identity = validation.Identity!;
        var context = _database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var linked = await RecordQueries.RecordIdForPidAsync(context, request.HashedPid!, cancellationToken).ConfigureAwait(false);
            if (linked is not null)
            {
                return new MatchResult(MatchOutcome.Match, MatchCycle.Cycle0, linked, 1);
            }

            if (!validation.IsCycle3)
            {
                var candidates = await RecordQueries.Cycle1CandidatesAsync(context, identity, cancellationToken).ConfigureAwait(false);
                return Decide(MatchCycle.Cycle1, candidates, c => CandidateRules.MatchesInCycle1(identity, c));
            }

            // Counted before looking, so that the attempt that exhausts the allowance reveals nothing.
            if (!_attempts.TryCountAttempt(request.MatchId!))
            {
                return new MatchResult(MatchOutcome.Cycle3AttemptsExhausted, MatchCycle.Cycle3, null, 0);
            }

            var lookupKeys = validation.Cycle3Identifiers
                .Where(i => i.NormalisedValue is not null)
                .Select(i => BlockingKeys.Identifier(i.Type, i.NormalisedValue!))
                .ToList();
            var holders = lookupKeys.Count == 0
                ? []
                : await RecordQueries.Cycle3CandidatesAsync(context, lookupKeys, cancellationToken).ConfigureAwait(false);
            return Decide(MatchCycle.Cycle3, holders, c => CandidateRules.CorroboratesInCycle3(identity, c));
        }
    }

    /// <inheritdoc />
    public Task<LinkResult> LinkAsync(string hashedPid, string recordId, string levelOfAssurance, CancellationToken cancellationToken = default) =>
        _linker.LinkAsync(hashedPid, recordId, levelOfAssurance, cancellationToken);

    /// <inheritdoc />
    public Task<AccountCreationResult> CreateAccountAsync(AccountCreationRequest request, CancellationToken cancellationToken = default) =>
        _accounts.CreateAsync(request, cancellationToken);

    private static MatchResult Decide(MatchCycle cycle, IReadOnlyList<CandidateRecord> candidates, Func<CandidateRecord, bool> rule) =>
        MatchResult.FromCandidates(cycle, [.. candidates.Where(rule).Select(c => c.RecordId).Distinct(StringComparer.Ordinal)]);
}
