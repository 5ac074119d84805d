using Verify.Hub.Journey.Model;
using Verify.Saml.Trust;

namespace Verify.Hub.Directory;

/// <summary>
/// A relying party's matching service and matching settings as the hub needs them (ADR 0018): who answers, where the
/// queries go, which keys sign its answers and encrypt the citizen's assertions, what happens after a no-match, and
/// whether the RP receives the matching service's own assertion (end-to-end) or the hub's.
/// </summary>
public sealed record HubRpMatching
{
    /// <summary>The matching service's entity ID: the issuer of its answers.</summary>
    public required string EntityId { get; init; }

    /// <summary>Its registered keys and how they are trusted.</summary>
    public required PartyTrust Trust { get; init; }

    /// <summary>Its SOAP endpoint for match queries (cycles 0/1 and 3).</summary>
    public required Uri MatchUrl { get; init; }

    /// <summary>Its SOAP endpoint for account creation, when registered.</summary>
    public Uri? AccountCreationUrl { get; init; }

    /// <summary>The cycle 3 attribute the citizen is asked for, or null.</summary>
    public string? Cycle3Attribute { get; init; }

    /// <summary>The account-creation attributes; empty when the RP creates no accounts.</summary>
    public IReadOnlyList<string> AccountCreationAttributes { get; init; } = [];

    /// <summary>True when the RP receives the matching service's signed assertion, relayed, instead of the hub's.</summary>
    public bool EndToEnd { get; init; }

    /// <summary>The settings a journey snapshots when it starts.</summary>
    public RpMatching ForJourney() => new(EntityId, Cycle3Attribute, AccountCreationAttributes);
}
