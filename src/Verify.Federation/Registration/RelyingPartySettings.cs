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

    /// <summary>
    /// The entity ID of the RP's matching service. With <see cref="MatchingService"/> it must be the metadata's entity
    /// ID (or be left out); on its own it is only recorded, and the hub does not match for the RP.
    /// </summary>
    public string? MatchingServiceEntityId { get; init; }

    /// <summary>The RP's matching service (metadata, account-creation URL, trust): the hub matches for the RP when given.</summary>
    public MatchingServiceSettings? MatchingService { get; init; }

    /// <summary>
    /// The cycle 3 attribute the citizen is asked for after a no-match (one of Verify's, e.g.
    /// <c>NationalInsuranceNumber</c>); null for none. Needs <see cref="MatchingService"/>.
    /// </summary>
    public string? Cycle3Attribute { get; init; }

    /// <summary>
    /// The attributes the matching service returns when it creates an account (Verify's names: <c>firstname</c>,
    /// <c>firstname_verified</c>, …, <c>cycle_3</c>); empty or null when the RP creates no accounts. Needs
    /// <see cref="MatchingService"/> with an account-creation URL.
    /// </summary>
    public IReadOnlyList<string>? AccountCreationAttributes { get; init; }

    /// <summary>Hub-asserted (the default) or end-to-end (needs <see cref="MatchingService"/>).</summary>
    public AssertionMode AssertionMode { get; init; } = AssertionMode.HubAsserted;
}
