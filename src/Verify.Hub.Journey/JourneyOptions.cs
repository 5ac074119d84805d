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

    /// <summary>Checks the settings; called by every consumer at construction, so a bad setting fails at start-up.</summary>
    /// <exception cref="ArgumentException">A lifetime is not positive, or the session is shorter than a step.</exception>
    public JourneyOptions Validate()
    {
        Positive(PreIdpLifetime, nameof(PreIdpLifetime));
        Positive(SessionLifetime, nameof(SessionLifetime));
        Positive(FinishedLifetime, nameof(FinishedLifetime));
        Positive(TimeoutRetention, nameof(TimeoutRetention));
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
