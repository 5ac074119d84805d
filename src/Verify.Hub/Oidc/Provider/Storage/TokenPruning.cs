using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using OpenIddict.Abstractions;

namespace Verify.Hub.Oidc.Provider.Storage;

/// <summary>
/// Removes the OpenID Provider's rows once they are of no more use (ADR 0021, "no personal data kept after use"):
/// every <see cref="Period"/>, authorizations and tokens (codes, access tokens, request tokens) that expired, were
/// redeemed or revoked more than <see cref="KeepFor"/> ago. Every node runs it; the deletes are idempotent.
/// </summary>
internal sealed partial class TokenPruning(IServiceScopeFactory scopes, TimeProvider time, ILogger<TokenPruning> logger) : BackgroundService
{
    /// <summary>How often the rows are pruned.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a row outlives its use: long enough for a replayed code to be recognised (and its tokens revoked)
    /// while the code could still be valid, then gone.
    /// </summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    /// <summary>One pruning pass; the rows it removed.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var threshold = time.GetUtcNow() - KeepFor;
            var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken).ConfigureAwait(false);
            var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken).ConfigureAwait(false);
            return tokens + authorizations;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var count = await PruneAsync(stoppingToken).ConfigureAwait(false);
                Pruned(logger, count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next pass tries again; rows only wait longer.
                PruneFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "OIDC provider rows pruned: {Count}")]
    private static partial void Pruned(ILogger logger, long count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "OIDC provider pruning failed: {ExceptionType}")]
    private static partial void PruneFailed(ILogger logger, string exceptionType);
}
