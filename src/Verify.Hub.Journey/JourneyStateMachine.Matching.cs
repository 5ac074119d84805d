using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey;

/// <summary>
/// The matching service's answers, for RPs that use matching (VERIFY-REFERENCE.md). Each answer must come from the
/// RP's matching service and name the query the journey is waiting on.
/// </summary>
public sealed partial class JourneyStateMachine
{
    /// <summary>Match (cycle 0/1 or cycle 3): SuccessfulMatch, keeping the service's statement as <paramref name="evidence"/>.</summary>
    public JourneyRecord MatchFound(JourneyRecord journey, InboundResponse response, string? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        Guard.Optional(evidence, nameof(evidence), Guard.MaxOpaqueLength);
        return Advance(journey, (state, j) => state.MatchFound(j, response, evidence));
    }

    /// <summary>
    /// No match. After cycle 0/1: AwaitingCycle3Data if the RP names a cycle 3 attribute; else account creation
    /// (the hub sends that query with ID <paramref name="followUpRequestId"/>) if the RP lists account-creation
    /// attributes; else NoMatch. After cycle 3: account creation or NoMatch.
    /// </summary>
    public JourneyRecord NoMatchFound(JourneyRecord journey, InboundResponse response, string followUpRequestId)
    {
        ArgumentNullException.ThrowIfNull(response);
        Guard.Identifier(followUpRequestId, nameof(followUpRequestId));
        return Advance(journey, (state, j) => state.NoMatchFound(j, response, followUpRequestId));
    }

    /// <summary>The citizen gave their cycle 3 identifier; the hub sends the cycle 3 query with ID <paramref name="matchRequestId"/>.</summary>
    public JourneyRecord Cycle3DataSubmitted(JourneyRecord journey, string cycle3Value, string matchRequestId)
    {
        Guard.Identifier(cycle3Value, nameof(cycle3Value));
        Guard.Identifier(matchRequestId, nameof(matchRequestId));
        return Advance(journey, (state, j) => state.Cycle3DataSubmitted(j, cycle3Value, matchRequestId));
    }

    /// <summary>The matching service created an account: UserAccountCreated.</summary>
    public JourneyRecord UserAccountCreated(JourneyRecord journey, InboundResponse response, string? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        Guard.Optional(evidence, nameof(evidence), Guard.MaxOpaqueLength);
        return Advance(journey, (state, j) => state.UserAccountCreated(j, response, evidence));
    }

    /// <summary>The matching service could not create an account: UserAccountCreationFailed.</summary>
    public JourneyRecord UserAccountCreationFailed(JourneyRecord journey, InboundResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Advance(journey, (state, j) => state.UserAccountCreationFailed(j, response));
    }

    /// <summary>
    /// The matching service failed, refused the query with <paramref name="requestId"/> or did not answer in time:
    /// MatchingServiceRequestError.
    /// </summary>
    public JourneyRecord MatchingServiceFailed(JourneyRecord journey, string requestId)
    {
        Guard.Identifier(requestId, nameof(requestId));
        return Advance(journey, (state, j) => state.MatchingServiceFailed(j, requestId));
    }
}
