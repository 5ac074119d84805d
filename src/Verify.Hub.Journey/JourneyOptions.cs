namespace Verify.Hub.Journey;

/// <summary>
/// How long journeys live (VERIFY-REFERENCE.md "Timings"). A journey that has not reached an IDP lives only
/// <see cref="PreIdpLifetime"/> from its last step, so a flood of AuthnRequests cannot fill the store; once the
/// citizen has gone to an IDP it lives for Verify's session length from its start; a finished journey keeps its
/// outcome for <see cref="FinishedLifetime"/>. Store keys live <see cref="TimeoutRetention"/> longer than the
/// journey, so a late read still finds it and can answer the RP "timeout".
/// </summary>
public sealed class JourneyOptions
{
    /// <summary>Lifetime of a journey that has not reached an IDP, from its last step. Default 5 minutes.</summary>
    public TimeSpan PreIdpLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of a journey that has reached an IDP, from its start. Default 150 minutes (Verify's session).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromMinutes(150);

    /// <summary>Lifetime of a finished journey (a terminal state), from the step that finished it. Default 5 minutes.</summary>
    public TimeSpan FinishedLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a store keeps a journey after it expires, so it reads as timed out. Default 5 minutes.</summary>
    public TimeSpan TimeoutRetention { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long the hub waits for a matching service's answer (ADR 0018), recorded in the journey when the request is
    /// sent: read at or after that instant, a journey still waiting reads as MatchingServiceRequestError, on any node,
    /// whether or not the node that sent the request is still alive. Default 30 seconds (Verify waited 60).
    /// </summary>
    public TimeSpan MatchingServiceWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many cycle 3 requests one journey may send (a mistyped identifier deserves another go; a guessed one does
    /// not). Default 3, the reference matching engine's own cap per journey.
    /// </summary>
    public int MaxCycle3Attempts { get; init; } = 3;

    /// <summary>Checks the settings; called by every consumer at construction, so a bad setting fails at start-up.</summary>
    /// <exception cref="ArgumentException">A lifetime is not positive, the session is shorter than a step, or a matching limit is out of range.</exception>
    public JourneyOptions Validate()
    {
        Positive(PreIdpLifetime, nameof(PreIdpLifetime));
        Positive(SessionLifetime, nameof(SessionLifetime));
        Positive(FinishedLifetime, nameof(FinishedLifetime));
        Positive(TimeoutRetention, nameof(TimeoutRetention));
        Positive(MatchingServiceWait, nameof(MatchingServiceWait));
        if (MatchingServiceWait >= SessionLifetime)
        {
            throw new ArgumentException(
                $"{nameof(MatchingServiceWait)} must be shorter than {nameof(SessionLifetime)}.", nameof(MatchingServiceWait));
        }

        if (MaxCycle3Attempts is < 1 or > 10)
        {
            throw new ArgumentException($"{nameof(MaxCycle3Attempts)} must be between 1 and 10.", nameof(MaxCycle3Attempts));
        }
        if (SessionLifetime < PreIdpLifetime)
        {
            throw new ArgumentException(
                $"{nameof(SessionLifetime)} must be at least {nameof(PreIdpLifetime)}.", nameof(SessionLifetime));
        }

        return this;
    }

    /// <summary>How long a store keeps <paramref name="journey"/> from <paramref name="now"/>: at least one second.</summary>
    internal TimeSpan TimeToLive(JourneyRecord journey, DateTimeOffset now)
    {
        var ttl = journey.ExpiresAt + TimeoutRetention - now;
        return ttl < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : ttl;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive.", name);
        }
    }
}
