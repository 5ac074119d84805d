using Verify.Hub.Journey.Model;

namespace Verify.Hub.Journey.States;

/// <summary>
/// A state in which the journey waits for the RP's matching service to answer one request of the hub's
/// (Cycle0And1MatchRequestSent, Cycle3MatchRequestSent, UserAccountCreationRequestSent). The request's ID and the
/// instant the answer is due are stored with the journey (ADR 0018), so any hub node can tell whether the answer is
/// still awaited, and a journey whose answer is overdue reads as <see cref="MatchingServiceRequestErrorState"/>.
/// </summary>
public interface IMatchingRequestPending
{
    /// <summary>The IDP that verified the citizen.</summary>
    SelectedIdp Idp { get; }

    /// <summary>What the IDP established (and its statements, kept as evidence for the matching service).</summary>
    IdpIdentity Identity { get; }

    /// <summary>The ID of the hub's request: the only InResponseTo the journey accepts.</summary>
    string PendingRequestId { get; }

    /// <summary>When the answer is due: from then on the journey reads as MatchingServiceRequestError.</summary>
    DateTimeOffset AnswerDueBy { get; }
}
