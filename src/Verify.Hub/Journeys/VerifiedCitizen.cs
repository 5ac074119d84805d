using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;

namespace Verify.Hub.Journeys;

/// <summary>Who verified the citizen and what they established, in the states that hold it.</summary>
/// <param name="Idp">The IDP that verified the citizen.</param>
/// <param name="Identity">What it established.</param>
internal sealed record VerifiedCitizen(SelectedIdp Idp, IdpIdentity Identity)
{
    /// <summary>The verified citizen of <paramref name="state"/>, or null for a state that holds none.</summary>
    public static VerifiedCitizen? Of(JourneyState state) => state switch
    {
        NonMatchingJourneySuccessState s => new(s.Idp, s.Identity),
        SuccessfulMatchState s => new(s.Idp, s.Identity),
        UserAccountCreatedState s => new(s.Idp, s.Identity),
        AwaitingCycle3DataState s => new(s.Idp, s.Identity),
        IMatchingRequestPending s => new(s.Idp, s.Identity),
        _ => null,
    };

    /// <summary>Personal data: shows only the IDP.</summary>
    public override string ToString() => $"{nameof(VerifiedCitizen)} {{ Idp = {Idp.IdpId} }}";
}
