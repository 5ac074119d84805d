using Verify.Matching.Engine;
using Verify.Matching.Requests;
using Verify.MatchingService.Matching;

namespace Verify.Hub.Tests.Matching.Support;

/// <summary>A department whose matching logic hangs until the test opens the gate (or the hub gives up and hangs up).</summary>
internal sealed class GatedMatching(ILocalMatchingService inner, Task gate) : ILocalMatchingService
{
    public async Task<LocalMatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await inner.MatchAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public Task RecordMatchAsync(MatchRequest request, LocalMatchResult match, CancellationToken cancellationToken = default) =>
        inner.RecordMatchAsync(request, match, cancellationToken);

    public async Task<LocalAccountCreationResult> CreateAccountAsync(AccountCreationRequest request, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await inner.CreateAccountAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A department that cannot create accounts (a full system, a rule of its own): every creation fails.</summary>
internal sealed class NoAccountCreation(ILocalMatchingService inner) : ILocalMatchingService
{
    public Task<LocalMatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default) => inner.MatchAsync(request, cancellationToken);

    public Task RecordMatchAsync(MatchRequest request, LocalMatchResult match, CancellationToken cancellationToken = default) =>
        inner.RecordMatchAsync(request, match, cancellationToken);

    public Task<LocalAccountCreationResult> CreateAccountAsync(AccountCreationRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new LocalAccountCreationResult(false, "RefusedByTheDepartment"));
}
