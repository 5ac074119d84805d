namespace Verify.Federation;

/// <summary>How <see cref="CachedFederation"/> keeps its snapshot fresh.</summary>
public sealed record CachedFederationOptions
{
    /// <summary>The defaults: check the revision at most every 5 seconds.</summary>
    public static CachedFederationOptions Default { get; } = new();

    /// <summary>
    /// The longest a node serves a snapshot before asking the store whether the revision changed (one indexed read).
    /// Short, so that disabling a party takes effect on every node within seconds; more than zero.
    /// </summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Refuses options that cannot work.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="CheckInterval"/> is not positive.</exception>
    public void Validate()
    {
        if (CheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CheckInterval), CheckInterval, "The check interval must be more than zero.");
        }
    }
}
