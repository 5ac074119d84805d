namespace Verify.Hub.Journey.Model;

/// <summary>A request the hub is about to send a matching service: its ID and when its answer is due.</summary>
/// <param name="Id">The request's ID (the answer's InResponseTo).</param>
/// <param name="DueBy">The instant after which the hub stops waiting.</param>
internal readonly record struct NextMatchingRequest(string Id, DateTimeOffset DueBy);
