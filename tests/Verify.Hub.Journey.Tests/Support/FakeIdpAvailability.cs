using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.Tests.Support;

/// <summary>An <see cref="IIdpAvailability"/> from a list: which IDP is offered, for which choice, at which levels.</summary>
internal sealed class FakeIdpAvailability : IIdpAvailability
{
    private readonly List<(string IdpId, LevelOfAssuranceSet Levels, bool SignIn, bool Registration, string? OnlyRp)> _offers = [];

    public FakeIdpAvailability Offer(
        string idpId, LevelOfAssuranceSet levels, bool signIn = true, bool registration = true, string? onlyRp = null)
    {
        _offers.Add((idpId, levels, signIn, registration, onlyRp));
        return this;
    }

    public IdpOffer? Find(string rpId, string idpId, JourneyIntent intent)
    {
        var offer = _offers.FirstOrDefault(o =>
            o.IdpId == idpId
            && (o.OnlyRp is null || o.OnlyRp == rpId)
            && (intent == JourneyIntent.SignIn ? o.SignIn : o.Registration));
        return offer.IdpId is null ? null : new IdpOffer(offer.IdpId, offer.Levels);
    }
}
