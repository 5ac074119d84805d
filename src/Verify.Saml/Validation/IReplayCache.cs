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
}
