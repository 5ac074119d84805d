using Verify.Federation.Parties;
using Verify.Saml.Trust;

namespace Verify.Federation.Registration;

/// <summary>
/// What the operator decides about an identity provider (VERIFY-REFERENCE.md, "Configuration Verify kept per
/// party"); everything else comes from its metadata. Checked by <see cref="IdentityProviderRegistration.FromMetadata"/>.
/// </summary>
public sealed record IdentityProviderSettings
{
    /// <summary>The levels of assurance the IDP is certified for, by name (<c>LEVEL_1</c> … <c>LEVEL_4</c>); at least one.</summary>
    public required IReadOnlyList<string> Levels { get; init; }

    /// <summary>How its keys are trusted; null for the default for IDPs (<see cref="PartyTrust.DefaultKindFor"/>: PKIX).</summary>
    public TrustKind? Trust { get; init; }

    /// <summary>The name citizens see; null to take the metadata's organization display name (or else the entity ID).</summary>
    public BilingualText? DisplayName { get; init; }

    /// <summary>Whether the IDP is part of the federation at all (responses from a disabled IDP are refused).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Position on the "choose a company" page; lower first, ties by display name.</summary>
    public int DisplayOrder { get; init; }

    /// <summary>While onboarding, the RPs (entity IDs) it is offered to; empty for every RP.</summary>
    public IReadOnlyList<string> OnboardingOnlyFor { get; init; } = [];

    /// <summary>Soft disconnect: offered for registration only before this instant; null for no end.</summary>
    public DateTimeOffset? ProvideRegistrationUntil { get; init; }

    /// <summary>Soft disconnect: offered for signing in only before this instant; null for no end.</summary>
    public DateTimeOffset? ProvideSignInUntil { get; init; }

    /// <summary>Hidden from citizens for now (an outage), but still trusted for journeys already under way.</summary>
    public bool TemporarilyUnavailable { get; init; }
}
