namespace Verify.Saml.Validation;

/// <summary>
/// Remembers message and assertion IDs until they expire, so each is accepted once (SAML Profiles
/// 4.1.4.5: the relying party must ensure a bearer assertion is not replayed). Implementations: in-process
/// (<see cref="InMemory.InMemoryReplayCache"/>) and, with the hub, Redis.
/// </summary>
public interface IReplayCache
{
    /// <summary>
    /// Records <paramref name="id"/> within <paramref name="scope"/> until <paramref name="expiresAt"/>,
    /// atomically. Returns false when it was already recorded (a replay).
    /// </summary>
    ValueTask<bool> TryAddAsync(string scope, string id, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records every one of <paramref name="ids"/> (a message and its assertions) within <paramref name="scope"/> until
    /// <paramref name="expiresAt"/>. Returns false when any was already recorded (a replay); the others are recorded
    /// all the same. A store that can send them together (Redis: one round trip) does.
    /// </summary>
    async ValueTask<bool> TryAddAllAsync(string scope, IReadOnlyList<string> ids, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var allNew = true;
        foreach (var id in ids)
        {
            allNew &= await TryAddAsync(scope, id, expiresAt, cancellationToken).ConfigureAwait(false);
        }

        return allNew;
    }
}
