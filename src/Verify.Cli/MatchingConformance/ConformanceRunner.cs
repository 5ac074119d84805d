using Verify.Matching.Requests;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// Runs scenarios one after another against the department's endpoints. Each scenario gets a fresh match ID and a
/// fresh hashed PID, shared by its steps as the hub shares them across one citizen's journey (cycle 0/1, cycle 3,
/// account creation), so runs never see each other's cycle 3 attempts or accounts. A scenario stops at its first
/// failing step.
/// </summary>
/// <param name="client">Sends the requests and checks the answers.</param>
/// <param name="target">Where to send them.</param>
/// <param name="newId">A fresh random value of 64 hex digits (the shape of Verify's hashed PID).</param>
/// <param name="timeProvider">The clock of the report's start time.</param>
internal sealed class ConformanceRunner(LocalMatchingClient client, ConformanceTarget target, Func<string> newId, TimeProvider timeProvider)
{
    /// <summary>Runs <paramref name="scenarios"/> in order.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<ConformanceResult> RunAsync(IReadOnlyList<ConformanceScenario> scenarios, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var startedAt = timeProvider.GetUtcNow();
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(scenario.NeedsAccountCreation && target.AccountCreationUrl is null
                ? new ScenarioResult(scenario, ScenarioOutcome.Skipped, [], "needs --account-creation-url")
                : await RunAsync(scenario, cancellationToken).ConfigureAwait(false));
        }

        return new ConformanceResult(target, startedAt, results);
    }

    private async Task<ScenarioResult> RunAsync(ConformanceScenario scenario, CancellationToken cancellationToken)
    {
        var matchId = "conformance-" + newId()[..24];
        var hashedPid = newId();
        var steps = new List<StepResult>();
        foreach (var step in scenario.Steps)
        {
            var answer = step.Kind == StepKind.Match
                ? await client.PostAsync(target.MatchUrl, MatchRequestFor(step, matchId, hashedPid), step.WellFormedResults, cancellationToken).ConfigureAwait(false)
                : await client.PostAsync(target.AccountCreationUrl!, new AccountCreationBody(hashedPid, step.LevelOfAssurance), step.WellFormedResults, cancellationToken).ConfigureAwait(false);
            var result = StepResult.Judge(step, RequestSummary.Of(step), answer);
            steps.Add(result);
            if (!result.Passed)
            {
                return new ScenarioResult(scenario, ScenarioOutcome.Failed, steps, null);
            }
        }

        return new ScenarioResult(scenario, ScenarioOutcome.Passed, steps, null);
    }

    private static MatchRequest MatchRequestFor(ScenarioStep step, string matchId, string hashedPid) => new()
    {
        MatchId = matchId,
        LevelOfAssurance = step.LevelOfAssurance,
        HashedPid = hashedPid,
        MatchingDataset = step.MatchingDataset,
        Cycle3Dataset = step.Cycle3Dataset,
    };
}
