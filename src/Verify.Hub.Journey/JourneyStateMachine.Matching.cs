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
    /// attributes; else NoMatch. After cycle 3: AwaitingCycle3Data again while the journey has cycle 3 attempts left
    /// (<see cref="JourneyOptions.MaxCycle3Attempts"/>), then account creation or NoMatch.
    /// </summary>
    public JourneyRecord NoMatchFound(JourneyRecord journey, InboundResponse response, string followUpRequestId)
    {
        ArgumentNullException.ThrowIfNull(response);
        var followUp = Request(Guard.Identifier(followUpRequestId, nameof(followUpRequestId)));
        return Advance(journey, (state, j) => state.NoMatchFound(j, response, followUp, Options.MaxCycle3Attempts));
    }

    /// <summary>
    /// The citizen gave their cycle 3 identifier (format-checked by the hub); the hub sends the cycle 3 query with ID
    /// <paramref name="matchRequestId"/>, whose answer is due <see cref="JourneyOptions.MatchingServiceWait"/> from now.
    /// </summary>
    public JourneyRecord Cycle3DataSubmitted(JourneyRecord journey, string cycle3Value, string matchRequestId)
    {
        Guard.Identifier(cycle3Value, nameof(cycle3Value));
        var request = Request(Guard.Identifier(matchRequestId, nameof(matchRequestId)));
        return Advance(journey, (state, j) => state.Cycle3DataSubmitted(j, cycle3Value, request));
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
    /// The matching service failed, refused the query with <paramref name="requestId"/>, or its answer was refused:
    /// MatchingServiceRequestError. (A journey whose answer is overdue already reads so, with no step: <see cref="Observe"/>.)
    /// </summary>
    public JourneyRecord MatchingServiceFailed(JourneyRecord journey, string requestId)
    {
        Guard.Identifier(requestId, nameof(requestId));
        return Advance(journey, (state, j) => state.MatchingServiceFailed(j, requestId));
    }

    /// <summary>A request to send now: its answer is due <see cref="JourneyOptions.MatchingServiceWait"/> from now.</summary>
    private NextMatchingRequest Request(string id) => new(id, _time.GetUtcNow() + Options.MatchingServiceWait);
}
