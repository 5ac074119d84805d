using Verify.Matching.Records;

namespace Verify.Matching.Engine;

/// <summary>Settings of the reference engine and the importer, with safe defaults; <see cref="Validate"/> checks them at start-up.</summary>
public sealed class MatchingOptions
{
    /// <summary>The identifier types records may carry and cycle 3 may ask for. Default: NINO and driving licence number.</summary>
    public IReadOnlyCollection<string> IdentifierTypes { get; init; } = Records.IdentifierTypes.Defaults;

    /// <summary>Cycle 3 attempts allowed per match ID (Verify let the citizen retry a mistyped identifier). Default 3.</summary>
    public int MaxCycle3Attempts { get; init; } = 3;

    /// <summary>How long attempts are remembered for a match ID: the hub's session lifetime, 150 minutes.</summary>
    public TimeSpan Cycle3AttemptWindow { get; init; } = TimeSpan.FromMinutes(150);

    /// <summary>Makes the record ID of an account created from verified attributes.</summary>
    public Func<string> NewRecordId { get; init; } = static () => "verify-" + Guid.NewGuid().ToString("N");

    /// <summary>Throws when a setting is unusable.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public void Validate()
    {
        if (IdentifierTypes is null || IdentifierTypes.Count == 0)
        {
            throw new InvalidOperationException("MatchingOptions.IdentifierTypes must name at least one identifier type.");
        }

        if (IdentifierTypes.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > Records.IdentifierTypes.MaxTypeLength || t.Contains('|', StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("MatchingOptions.IdentifierTypes: names are 1-64 characters without '|'.");
        }

        if (MaxCycle3Attempts is < 1 or > 10)
        {
            throw new InvalidOperationException("MatchingOptions.MaxCycle3Attempts must be between 1 and 10.");
        }

        if (Cycle3AttemptWindow <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("MatchingOptions.Cycle3AttemptWindow must be positive.");
        }

        ArgumentNullException.ThrowIfNull(NewRecordId);
    }
}
