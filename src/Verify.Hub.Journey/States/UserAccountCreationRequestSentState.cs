using System.Text.Json.Serialization;

using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// Matching RPs: no match, and the RP lists account-creation attributes, so the hub asked the matching service to
/// create an account for the citizen.
/// </summary>
public sealed record UserAccountCreationRequestSentState : JourneyState, IMatchingRequestPending
{
    [JsonConstructor]
    internal UserAccountCreationRequestSentState(SelectedIdp idp, IdpIdentity identity, string? cycle3Value, string requestId, DateTimeOffset answerDueBy)
    {
        Idp = idp;
        Identity = identity;
        Cycle3Value = cycle3Value;
        RequestId = requestId;
        AnswerDueBy = answerDueBy;
    }

    /// <summary>The IDP that verified the citizen.</summary>
    public SelectedIdp Idp { get; }

    /// <summary>What the IDP established.</summary>
    public IdpIdentity Identity { get; }

    /// <summary>The citizen's cycle 3 identifier when there was a cycle 3, else null (personal data).</summary>
    public string? Cycle3Value { get; }

    /// <summary>The ID of the hub's account-creation query.</summary>
    public string RequestId { get; }

    /// <inheritdoc/>
    public DateTimeOffset AnswerDueBy { get; }

    string IMatchingRequestPending.PendingRequestId => RequestId;

    internal override bool Terminal => false;

    internal override JourneyState UserAccountCreated(JourneyRecord journey, InboundResponse response, string? evidence)
    {
        Expect(journey, response, nameof(UserAccountCreated));
        return new UserAccountCreatedState(Idp, Identity, evidence);
    }

    internal override JourneyState UserAccountCreationFailed(JourneyRecord journey, InboundResponse response)
    {
        Expect(journey, response, nameof(UserAccountCreationFailed));
        return new UserAccountCreationFailedState(Idp);
    }

    internal override JourneyState MatchingServiceFailed(JourneyRecord journey, string requestId)
    {
        TransitionRules.ExpectRequestId(this, requestId, RequestId, nameof(MatchingServiceFailed));
        return new MatchingServiceRequestErrorState(Idp);
    }

    /// <summary>Shows no cycle 3 value: it is personal data.</summary>
    public override string ToString() => $"{Name} {{ Idp = {Idp.IdpId}, AnswerDueBy = {AnswerDueBy:O} }}";

    private void Expect(JourneyRecord journey, InboundResponse response, string transition) =>
        TransitionRules.ExpectAnswer(
            this, response, TransitionRules.Matching(journey).MatchingServiceId, RequestId, transition);
}
