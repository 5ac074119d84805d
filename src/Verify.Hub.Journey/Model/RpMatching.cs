using System.Text.Json.Serialization;

namespace Verify.Hub.Journey.Model;

/// <summary>
/// How an RP that uses a matching service wants a citizen matched (Verify's transaction configuration): which
/// matching service, the cycle 3 attribute the citizen is asked for after a no-match, and the attributes sent
/// when the matching service is asked to create an account. A snapshot taken when the journey starts.
/// </summary>
public sealed record RpMatching
{
    /// <summary>Creates the matching configuration.</summary>
    /// <param name="matchingServiceId">The matching service's entity ID (the issuer its answers must carry).</param>
    /// <param name="cycle3AttributeName">The cycle 3 attribute, e.g. <c>NationalInsuranceNumber</c>; null for none.</param>
    /// <param name="accountCreationAttributes">Attributes for account creation; empty when the RP creates none.</param>
    [JsonConstructor]
    public RpMatching(string matchingServiceId, string? cycle3AttributeName, IReadOnlyList<string> accountCreationAttributes)
    {
        ArgumentNullException.ThrowIfNull(accountCreationAttributes);
        MatchingServiceId = Guard.Identifier(matchingServiceId, nameof(matchingServiceId));
        Cycle3AttributeName = cycle3AttributeName is null ? null : Guard.Identifier(cycle3AttributeName, nameof(cycle3AttributeName));
        AccountCreationAttributes = [.. accountCreationAttributes.Select(a => Guard.Identifier(a, nameof(accountCreationAttributes)))];
    }

    /// <summary>The matching service's entity ID.</summary>
    public string MatchingServiceId { get; }

    /// <summary>The cycle 3 attribute name, or null when the RP has no cycle 3.</summary>
    public string? Cycle3AttributeName { get; }

    /// <summary>The account-creation attributes; empty when the RP does not create accounts.</summary>
    public IReadOnlyList<string> AccountCreationAttributes { get; }

    /// <summary>True when a no-match leads to cycle 3 (VERIFY-REFERENCE.md).</summary>
    [JsonIgnore]
    public bool HasCycle3 => Cycle3AttributeName is not null;

    /// <summary>True when a no-match (after cycle 3, if any) leads to account creation.</summary>
    [JsonIgnore]
    public bool CreatesAccounts => AccountCreationAttributes.Count > 0;

    /// <inheritdoc/>
    public bool Equals(RpMatching? other) =>
        other is not null
        && MatchingServiceId == other.MatchingServiceId
        && Cycle3AttributeName == other.Cycle3AttributeName
        && AccountCreationAttributes.SequenceEqual(other.AccountCreationAttributes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MatchingServiceId, Cycle3AttributeName, AccountCreationAttributes.Count);
}
