using System.Collections.Concurrent;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Verify.Hub.Journey;
using Verify.Hub.Journey.States;
using Verify.Hub.Logging;

namespace Verify.Hub.Matching;

/// <summary>
/// Starts a journey's matching exchange without holding the citizen's request (ADR 0018): the request that stored the
/// journey waiting on a matching service returns the waiting page at once, and the exchange runs as an asynchronous
/// task (no thread is held while the matching service thinks; at most <see cref="HubMatchingOptions.MaxConcurrentQueries"/>
/// in flight on a node, the rest waiting for a slot without a thread). The answer is stored with the journey, so any
/// node can show it. If this node stops or dies, its exchanges stop with it and their journeys read as
/// MatchingServiceRequestError once their answers are due.
/// </summary>
internal sealed class MatchingDispatcher : IHostedService, IDisposable
{
    private readonly MatchingWorker _worker;
    private readonly ILogger<MatchingDispatcher> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public MatchingDispatcher(MatchingWorker worker, HubOptions options, ILogger<MatchingDispatcher> logger)
    {
        _worker = worker;
        _logger = logger;
        _slots = new SemaphoreSlim(options.Matching.MaxConcurrentQueries);
    }

    /// <summary>Starts the exchange for the request <paramref name="journey"/> (as stored) waits on; does nothing otherwise.</summary>
    public void Dispatch(JourneyRecord journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        if (journey.State is not IMatchingRequestPending pending || _stopping.IsCancellationRequested)
        {
            return;
        }

        Task task;

        // The exchange outlives the request: it takes neither the request's trace nor anything else of its context.
        using (ExecutionContext.SuppressFlow())
        {
            task = Task.Run(() => RunAsync(journey.Id, pending.PendingRequestId));
        }

        _running.TryAdd(task, 0);
        task.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when no exchange is in flight on this node (tests; orderly shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops the exchanges in flight (their journeys end within their wait) and waits for them to unwind.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout: what is left ends with the process.
        }
    }

    // The semaphore is not disposed: an exchange unwinding after shutdown still releases its slot.
    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(JourneyId id, string requestId)
    {
        var token = _stopping.Token;
        try
        {
            await _slots.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await _worker.RunAsync(id, requestId, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            // The type and stack only: an exception's message may quote input. The journey ends within its wait.
            HubLog.MatchingWorkerFailed(_logger, ex.GetType().Name, ex.StackTrace ?? "");
        }
        finally
        {
            _slots.Release();
        }
    }
}
