using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey;

/// <summary>
/// Which identity providers the citizen may choose for an RP: the journey's view of the federation's rules
/// (enabled, onboarding-only for listed RPs, "provide registration until" / "provide sign-in until", temporarily
/// unavailable). The hub implements it over its cached federation configuration; the journey never reads a
/// database. Synchronous on purpose: a transition is a pure step.
/// </summary>
public interface IIdpAvailability
{
    /// <summary>
    /// The IDP's offer to this RP for this choice, or null when the citizen may not choose it (unknown, disabled,
    /// not onboarded for this RP, or not offering <paramref name="intent"/> now).
    /// </summary>
    /// <param name="rpId">The RP's entity ID or client ID.</param>
    /// <param name="idpId">The IDP's entity ID.</param>
    /// <param name="intent">Signing in or registering.</param>
    IdpOffer? Find(string rpId, string idpId, JourneyIntent intent);
}
