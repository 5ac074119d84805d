namespace Verify.Saml.Validation;

/// <summary>Time rules for received messages. Defaults follow GOV.UK Verify's timings.</summary>
public sealed record SamlValidationOptions
{
    /// <summary>Tolerated difference between our clock and the sender's.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How old a message's IssueInstant may be (Verify: requests are valid for 5 minutes).</summary>
    public TimeSpan MaxMessageAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long IDs are remembered against replay (Verify: 120 minutes for assertions).</summary>
    public TimeSpan ReplayRetention { get; init; } = TimeSpan.FromMinutes(120);

    /// <summary>Refuses settings that would weaken the checks.</summary>
    public void Validate()
    {
        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(ClockSkew), "Clock skew must be between 0 and 5 minutes.");
        }

        if (MaxMessageAge <= TimeSpan.Zero || ReplayRetention < MaxMessageAge + ClockSkew)
        {
            throw new ArgumentOutOfRangeException(nameof(ReplayRetention), "IDs must be remembered at least as long as a message is acceptable.");
        }
    }
}
