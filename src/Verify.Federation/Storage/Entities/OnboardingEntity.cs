namespace Verify.Federation.Storage.Entities;

/// <summary>An RP an onboarding IDP is offered to (owned by <see cref="IdentityProviderEntity"/>).</summary>
internal sealed class OnboardingEntity
{
    public required string RelyingPartyEntityId { get; set; }
}
