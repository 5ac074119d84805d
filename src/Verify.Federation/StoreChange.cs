using Verify.Saml.Trust;

namespace Verify.Federation;

/// <summary>What <c>FederationStore.AddOrUpdateAsync</c> did with one party.</summary>
/// <param name="EntityId">The party's entity ID.</param>
/// <param name="Role"><see cref="PartyRole.RelyingParty"/> or <see cref="PartyRole.IdentityProvider"/>.</param>
/// <param name="Outcome">Added, updated or unchanged.</param>
public sealed record StoreChange(string EntityId, PartyRole Role, StoreOutcome Outcome);
