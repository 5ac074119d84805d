using Verify.Matching.Engine;
using Verify.Matching.Requests;
using Verify.MatchingService.Matching;

namespace Verify.EndToEnd.Tests.Matching;

/// <summary>
/// The department's matching logic in the test composition of the federation (<c>DevFederationOptions.MatchingLogic</c>):
/// the reference engine, unless a test makes it hang (<see cref="Engage"/>) until the test lets it go. Only this
/// composition has the switch; <c>verify start-dev</c> runs the engine as it is.
/// </summary>
internal sealed class MatchingHang(ILocalMatchingService inner) : ILocalMatchingService
{
    private static readonly Lock Gate = new();
    private static TaskCompletionSource? _released;

    /// <summary>Wraps the engine (the hook <c>EndToEndSetup</c> gives the federation).</summary>
    public static ILocalMatchingService Wrap(ILocalMatchingService engine) => new MatchingHang(engine);

    /// <summary>From now until the result is disposed, every match and account creation waits.</summary>
    public static IDisposable Engage()
    {
        lock (Gate)
        {
            _released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return new Release();
        }
    }

    public async Task<LocalMatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken).ConfigureAwait(false);
        return await inner.MatchAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public Task RecordMatchAsync(MatchRequest request, LocalMatchResult match, CancellationToken cancellationToken = default) =>
        inner.RecordMatchAsync(request, match, cancellationToken);

    public async Task<LocalAccountCreationResult> CreateAccountAsync(AccountCreationRequest request, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken).ConfigureAwait(false);
        return await inner.CreateAccountAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            return _released?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;
        }
    }

    private sealed class Release : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                _released?.TrySetResult();
                _released = null;
            }
        }
    }
}
