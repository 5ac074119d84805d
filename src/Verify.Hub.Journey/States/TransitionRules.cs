using Verify.Hub.Journey.Errors;
using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>The rules several states share (VERIFY-REFERENCE.md "Transitions worth keeping").</summary>
internal static class TransitionRules
{
    /// <summary>
    /// Selecting an IDP: it must be enabled for this RP for the citizen's choice (registration or sign-in), and
    /// certified for at least one level the RP accepts. The hub asks it for the lowest such level.
    /// </summary>
    public static IdpSelectedState SelectIdp(
        JourneyState from, JourneyRecord journey, IdpSelection selection, IIdpAvailability availability)
    {
        var offer = availability.Find(journey.Rp.RpId, selection.IdpId, selection.Intent);
        if (offer is null || offer.IdpId != selection.IdpId)
        {
            throw new JourneyRuleException(JourneyRule.IdpNotAvailable, from.Name, nameof(SelectIdp));
        }

        var common = offer.CertifiedLevels.Intersect(journey.Rp.AcceptedLevels)
            ?? throw new JourneyRuleException(JourneyRule.NoCommonLevelOfAssurance, from.Name, nameof(SelectIdp));

        return new IdpSelectedState(
            new SelectedIdp(selection.IdpId, selection.AuthnRequestId, offer.CertifiedLevels, common.Lowest));
    }

    /// <summary>Hub profile: the answer's issuer is the party the journey asked, and it answers our request.</summary>
    public static void ExpectAnswer(
        JourneyState from, InboundResponse response, string issuer, string requestId, string transition)
    {
        if (!string.Equals(response.Issuer, issuer, StringComparison.Ordinal))
        {
            throw new JourneyRuleException(JourneyRule.UnexpectedIssuer, from.Name, transition);
        }

        ExpectRequestId(from, response.InResponseTo, requestId, transition);
    }

    /// <summary>SAML Core 3.2.2: InResponseTo names the request this answers; anything else is not our answer.</summary>
    public static void ExpectRequestId(JourneyState from, string inResponseTo, string requestId, string transition)
    {
        if (!string.Equals(inResponseTo, requestId, StringComparison.Ordinal))
        {
            throw new JourneyRuleException(JourneyRule.UnexpectedInResponseTo, from.Name, transition);
        }
    }

    /// <summary>
    /// ARCHITECTURE.md "Levels of assurance": an IDP response's level is accepted when it is among the levels the
    /// RP accepts and among those the IDP is certified for. (LEVEL_X cannot get here: it is not a level.)
    /// </summary>
    public static void ExpectAcceptableLevel(
        JourneyState from, JourneyRecord journey, SelectedIdp idp, IdpIdentity identity, string transition)
    {
        if (!journey.Rp.AcceptedLevels.Contains(identity.Level))
        {
            throw new JourneyRuleException(JourneyRule.LevelNotAcceptedByRp, from.Name, transition);
        }

        if (!idp.CertifiedLevels.Contains(identity.Level))
        {
            throw new JourneyRuleException(JourneyRule.LevelNotCertifiedForIdp, from.Name, transition);
        }
    }

    /// <summary>The RP's matching configuration; only matching states call this, and they exist only for such RPs.</summary>
    public static RpMatching Matching(JourneyRecord journey) =>
        journey.Rp.Matching ?? throw new InvalidOperationException("A matching state in a journey of an RP without matching.");
}
