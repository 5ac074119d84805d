using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;

namespace Verify.Hub.Journey;

/// <summary>
/// One citizen's journey as the store keeps it: who asked (<see cref="Rp"/>), what the citizen chose, where the
/// journey is (<see cref="State"/>), when it expires, and the <see cref="Version"/> that optimistic concurrency
/// compares. Immutable: <see cref="JourneyStateMachine"/> returns a new record for every step and only a store
/// write makes it the journey. (Named <c>…Record</c> so it does not clash with the <c>Verify.Hub.Journey</c>
/// namespace in the hub's code.)
/// </summary>
public sealed class JourneyRecord
{
    [JsonConstructor]
    internal JourneyRecord(
        JourneyId id,
        long version,
        RpRequest rp,
        JourneyIntent? intent,
        bool hasReachedIdp,
        JourneyState state,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        DateTimeOffset expiresAt)
    {
        Id = id;
        Version = version;
        Rp = rp;
        Intent = intent;
        HasReachedIdp = hasReachedIdp;
        State = state;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The journey's random identifier (the session cookie's value).</summary>
    public JourneyId Id { get; }

    /// <summary>
    /// The stored version this record was read at or derived from; 0 before it is first stored. A store write
    /// succeeds only while the stored version is still this one, and then stores version + 1.
    /// </summary>
    public long Version { get; }

    /// <summary>The relying party's request, unchanged for the whole journey.</summary>
    public RpRequest Rp { get; }

    /// <summary>Signing in or registering, as the citizen last said; null until they say.</summary>
    public JourneyIntent? Intent { get; }

    /// <summary>True once the citizen was sent to an IDP: from then on the journey lives for the whole session.</summary>
    public bool HasReachedIdp { get; }

    /// <summary>Where the journey is.</summary>
    public JourneyState State { get; }

    /// <summary>When the RP's request started the journey.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the last step was taken.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>When the journey times out: read at or after this instant, it is in <see cref="TimeoutState"/>.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Shows the state and times; the ID (a bearer secret) only shortened.</summary>
    public override string ToString() =>
        $"Journey {Id} v{Version} {State.Name} (rp {Rp.RpId}, expires {ExpiresAt:O})";

    /// <summary>
    /// ARCHITECTURE.md: every state can time out, checked whenever a journey is read, by any node. At or after
    /// <see cref="ExpiresAt"/> the journey reads as <see cref="TimeoutState"/> (same version: a store write of it
    /// is an ordinary compare-and-swap). Likewise a journey waiting on a matching service reads as
    /// <see cref="MatchingServiceRequestErrorState"/> from the instant the answer was due (ADR 0018): a node that died
    /// mid-call, or a service that hangs, ends the wait for every node within the bound, and no GET writes anything.
    /// </summary>
    internal JourneyRecord ObservedAt(DateTimeOffset now)
    {
        if (State is TimeoutState)
        {
            return this;
        }

        if (now >= ExpiresAt)
        {
            return With(new TimeoutState(State.Name), Intent, HasReachedIdp, UpdatedAt, ExpiresAt);
        }

        return State is IMatchingRequestPending pending && now >= pending.AnswerDueBy
            ? With(new MatchingServiceRequestErrorState(pending.Idp, noAnswerInTime: true), Intent, HasReachedIdp, UpdatedAt, ExpiresAt)
            : this;
    }

    internal JourneyRecord With(
        JourneyState state, JourneyIntent? intent, bool hasReachedIdp, DateTimeOffset updatedAt, DateTimeOffset expiresAt) =>
        new(Id, Version, Rp, intent, hasReachedIdp, state, CreatedAt, updatedAt, expiresAt);

    internal JourneyRecord WithVersion(long version) =>
        new(Id, version, Rp, Intent, HasReachedIdp, State, CreatedAt, UpdatedAt, ExpiresAt);
}
