using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: the IDP verified the citizen and the hub asked the RP's matching service whether it knows them
/// (cycles 0 and 1). Only that service's answer to that query, in time, moves the journey on.
/// </summary>
public sealed record Cycle0And1MatchRequestSentState : JourneyState, IMatchingRequestPending
{
    [JsonConstructor]
    internal Cycle0And1MatchRequestSentState(SelectedIdp idp, IdpIdentity identity, string matchRequestId, DateTimeOffset answerDueBy)
    {
        Idp = idp;
        Identity = identity;
        MatchRequestId = matchRequestId;
        AnswerDueBy = answerDueBy;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    /// <summary>What the IDP established.</summary>
    public IdpIdentity Identity { get; }

    /// <summary>The ID of the hub's query to the matching service.</summary>
    public string MatchRequestId { get; }

    /// <inheritdoc/>
    public DateTimeOffset AnswerDueBy { get; }

    string IMatchingRequestPending.PendingRequestId => MatchRequestId;

    internal override bool Terminal => false;

    internal override JourneyState MatchFound(JourneyRecord journey, InboundResponse response, string? evidence)
    {
        Expect(journey, response, nameof(MatchFound));
        return new SuccessfulMatchState(Idp, Identity, evidence);
    }

    /// <summary>VERIFY-REFERENCE.md: no match → cycle 3 if the RP names an attribute; else account creation; else no match.</summary>
    internal override JourneyState NoMatchFound(JourneyRecord journey, InboundResponse response, NextMatchingRequest followUp, int maxCycle3Attempts)
    {
        Expect(journey, response, nameof(NoMatchFound));
        var matching = TransitionRules.Matching(journey);
        if (matching.HasCycle3)
        {
            return new AwaitingCycle3DataState(Idp, Identity, 0);
        }

        return matching.CreatesAccounts
            ? new UserAccountCreationRequestSentState(Idp, Identity, null, followUp.Id, followUp.DueBy)
            : new NoMatchState(Idp);
    }

    internal override JourneyState MatchingServiceFailed(JourneyRecord journey, string requestId)
    {
        TransitionRules.ExpectRequestId(this, requestId, MatchRequestId, nameof(MatchingServiceFailed));
        return new MatchingServiceRequestErrorState(Idp);
    }

    /// <summary>Shows neither the identity nor its evidence: they describe a person.</summary>
    public override string ToString() => $"{Name} {{ Idp = {Idp.IdpId}, AnswerDueBy = {AnswerDueBy:O} }}";

    private void Expect(JourneyRecord journey, InboundResponse response, string transition) =>
        TransitionRules.ExpectAnswer(
            this, response, TransitionRules.Matching(journey).MatchingServiceId, MatchRequestId, transition);
}
