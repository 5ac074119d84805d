using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: the hub asked the matching service again, with the citizen's cycle 3 identifier. After a no-match the
/// citizen may try again while attempts are left; then the RP's account creation is the last resort
/// (VERIFY-REFERENCE.md: "Same after cycle 3").
/// </summary>
public sealed record Cycle3MatchRequestSentState : JourneyState, IMatchingRequestPending
{
    [JsonConstructor]
    internal Cycle3MatchRequestSentState(
        SelectedIdp idp, IdpIdentity identity, string cycle3Value, string matchRequestId, DateTimeOffset answerDueBy, int attempt)
    {
        Idp = idp;
        Identity = identity;
        Cycle3Value = cycle3Value;
        MatchRequestId = matchRequestId;
        AnswerDueBy = answerDueBy;
        Attempt = attempt;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    /// <summary>What the IDP established.</summary>
    public IdpIdentity Identity { get; }

    /// <summary>The identifier the citizen typed (personal data; needed again if an account is created).</summary>
    public string Cycle3Value { get; }

    /// <summary>The ID of the hub's cycle 3 query.</summary>
    public string MatchRequestId { get; }

    /// <inheritdoc/>
    public DateTimeOffset AnswerDueBy { get; }

    /// <summary>Which cycle 3 request of the journey this is, from 1.</summary>
    public int Attempt { get; }

    string IMatchingRequestPending.PendingRequestId => MatchRequestId;

    internal override bool Terminal => false;

    internal override JourneyState MatchFound(JourneyRecord journey, InboundResponse response, string? evidence)
    {
        Expect(journey, response, nameof(MatchFound));
        return new SuccessfulMatchState(Idp, Identity, evidence);
    }

    internal override JourneyState NoMatchFound(JourneyRecord journey, InboundResponse response, NextMatchingRequest followUp, int maxCycle3Attempts)
    {
        Expect(journey, response, nameof(NoMatchFound));
        if (Attempt < maxCycle3Attempts)
        {
            return new AwaitingCycle3DataState(Idp, Identity, Attempt);
        }

        return TransitionRules.Matching(journey).CreatesAccounts
            ? new UserAccountCreationRequestSentState(Idp, Identity, Cycle3Value, followUp.Id, followUp.DueBy)
            : new NoMatchState(Idp);
    }

    internal override JourneyState MatchingServiceFailed(JourneyRecord journey, string requestId)
    {
        TransitionRules.ExpectRequestId(this, requestId, MatchRequestId, nameof(MatchingServiceFailed));
        return new MatchingServiceRequestErrorState(Idp);
    }

    /// <summary>Shows no cycle 3 value: it is personal data.</summary>
    public override string ToString() => $"{Name} {{ Idp = {Idp.IdpId}, Attempt = {Attempt}, AnswerDueBy = {AnswerDueBy:O} }}";

    private void Expect(JourneyRecord journey, InboundResponse response, string transition) =>
        TransitionRules.ExpectAnswer(
            this, response, TransitionRules.Matching(journey).MatchingServiceId, MatchRequestId, transition);
}
