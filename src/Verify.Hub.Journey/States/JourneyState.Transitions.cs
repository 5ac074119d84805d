using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>Every step, refused by default; states override what they allow (the table is in the tests).</summary>
public abstract partial record JourneyState
{
    internal virtual JourneyState DeclareIntent(JourneyRecord journey) => throw Illegal();

    internal virtual JourneyState SelectIdp(JourneyRecord journey, IdpSelection selection, IIdpAvailability availability) =>
        throw Illegal();

    internal virtual JourneyState Cancel(JourneyRecord journey) => throw Illegal();

    internal virtual JourneyState IdpAuthnSucceeded(
        JourneyRecord journey, InboundResponse response, IdpIdentity identity, NextMatchingRequest? matchRequest) =>
        throw Illegal();

    internal virtual JourneyState IdpAuthnCancelled(JourneyRecord journey, InboundResponse response) => throw Illegal();

    internal virtual JourneyState IdpNoAuthnContext(JourneyRecord journey, InboundResponse response) => throw Illegal();

    internal virtual JourneyState IdpUpliftFailed(JourneyRecord journey, InboundResponse response) => throw Illegal();

    internal virtual JourneyState IdpAuthnFailed(JourneyRecord journey, InboundResponse response) => throw Illegal();

    internal virtual JourneyState IdpRequesterError(JourneyRecord journey, InboundResponse response) => throw Illegal();

    internal virtual JourneyState IdpAuthnPending(JourneyRecord journey, InboundResponse response) => throw Illegal();

    internal virtual JourneyState IdpFraudDetected(JourneyRecord journey, InboundResponse response, FraudEvent fraud) =>
        throw Illegal();

    internal virtual JourneyState MatchFound(JourneyRecord journey, InboundResponse response, string? evidence) =>
        throw Illegal();

    internal virtual JourneyState NoMatchFound(
        JourneyRecord journey, InboundResponse response, NextMatchingRequest followUp, int maxCycle3Attempts) =>
        throw Illegal();

    internal virtual JourneyState Cycle3DataSubmitted(JourneyRecord journey, string cycle3Value, NextMatchingRequest request) =>
        throw Illegal();

    internal virtual JourneyState UserAccountCreated(JourneyRecord journey, InboundResponse response, string? evidence) =>
        throw Illegal();

    internal virtual JourneyState UserAccountCreationFailed(JourneyRecord journey, InboundResponse response) =>
        throw Illegal();

    internal virtual JourneyState MatchingServiceFailed(JourneyRecord journey, string requestId) => throw Illegal();
}
