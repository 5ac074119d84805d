using Verify.Federation.Parties;
using Verify.Saml.Trust;

namespace Verify.Federation.Registration;

/// <summary>
/// What the operator decides about a relying party; everything else (entity ID, endpoints, certificates) comes from
/// its metadata. Checked by <see cref="RelyingPartyRegistration.FromMetadata"/>.
/// </summary>
public sealed record RelyingPartySettings
{
    /// <summary>The levels of assurance the RP accepts, by name (<c>LEVEL_1</c> … <c>LEVEL_4</c>); at least one.</summary>
    public required IReadOnlyList<string> Levels { get; init; }

    /// <summary>How its keys are trusted; null for the default for RPs (<see cref="PartyTrust.DefaultKindFor"/>: pinned).</summary>
    public TrustKind? Trust { get; init; }

    /// <summary>The name citizens see; null to take the metadata's organization display name (or else the entity ID).</summary>
    public BilingualText? DisplayName { get; init; }

    /// <summary>Whether the hub accepts its requests.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The service's start page (absolute https URL), where citizens are sent back to; optional.</summary>
    public string? ServiceHomepage { get; init; }

    /// <summary>"Other ways to access the service", shown when a citizen cannot verify; optional.</summary>
    public BilingualText? OtherWaysToAccess { get; init; }

    /// <summary>The entity ID of the RP's matching service, when it uses one (kept for the matching journey).</summary>
    public string? MatchingServiceEntityId { get; init; }
}
