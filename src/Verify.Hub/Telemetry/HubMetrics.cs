using System.Diagnostics;
using System.Diagnostics.Metrics;

using Verify.Audit.Events;

namespace Verify.Hub.Telemetry;

/// <summary>
/// The hub's OpenTelemetry instruments (meter and activity source <see cref="Name"/>). Tags are bounded and carry no
/// personal data: an outcome, a refusal kind and error ID, a hop name, a protocol; never a journey, a person, an
/// address or an entity ID of an IDP's user.
/// </summary>
public sealed class HubMetrics
{
    /// <summary>The meter's and activity source's name, for exporters to subscribe to.</summary>
    public const string Name = "Verify.Hub";

    private readonly Counter<long> _started;
    private readonly Counter<long> _ended;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _auditFailures;
    private readonly Histogram<double> _hop;
    private readonly Histogram<double> _journey;
    private readonly Counter<long> _matchingQueries;
    private readonly Histogram<double> _matchingDuration;

    /// <summary>Instruments on a meter from <paramref name="meterFactory"/> (so each host and test has its own).</summary>
    public HubMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(Name);
        _started = meter.CreateCounter<long>("verify.hub.journeys.started", "{journey}", "Journeys started by an accepted RP request.");
        _ended = meter.CreateCounter<long>(
            "verify.hub.journeys.ended", "{journey}", "Journeys answered to the RP, by outcome (verified = completed; every other outcome failed).");
        _refused = meter.CreateCounter<long>("verify.hub.refusals", "{message}", "Messages and steps refused, by kind and error.");
        _rateLimited = meter.CreateCounter<long>("verify.hub.rate_limited", "{request}", "Requests refused by a rate limit, by partition.");
        _auditFailures = meter.CreateCounter<long>("verify.hub.audit.write_failures", "{event}", "Audit events that could not be written (the step was stopped).");
        _hop = meter.CreateHistogram<double>("verify.hub.hop.duration", "s", "Time the hub spent on one hop of a journey, by hop.");
        _journey = meter.CreateHistogram<double>("verify.hub.journey.duration", "s", "Time from the RP's request to the hub's answer, by outcome.");
        _matchingQueries = meter.CreateCounter<long>(
            "verify.hub.matching.queries", "{query}", "Matching service queries by cycle and outcome (Match, NoMatch, …, MatchingServiceError, NoAnswer).");
        _matchingDuration = meter.CreateHistogram<double>(
            "verify.hub.matching.duration", "s", "Time from sending a matching service query to its answer, by cycle and outcome.");
    }

    /// <summary>The hub's traces: one activity per hop, under ASP.NET Core's request activity.</summary>
    public static ActivitySource Activities { get; } = new(Name);

    internal void JourneyStarted(AuditProtocol protocol) =>
        _started.Add(1, new KeyValuePair<string, object?>("protocol", protocol.ToString().ToUpperInvariant()));

    internal void JourneyEnded(string outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _ended.Add(1, tag);
        _journey.Record(duration.TotalSeconds, tag);
    }

    internal void Refused(string kind, string error) =>
        _refused.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("error", error));

    internal void MatchingAnswered(string cycle, string outcome, TimeSpan elapsed)
    {
        KeyValuePair<string, object?>[] tags = [new("cycle", cycle), new("outcome", outcome)];
        _matchingQueries.Add(1, tags);
        _matchingDuration.Record(elapsed.TotalSeconds, tags);
    }

    internal void RateLimited(string partition) => _rateLimited.Add(1, new KeyValuePair<string, object?>("partition", partition));

    internal void AuditWriteFailed(string eventType) => _auditFailures.Add(1, new KeyValuePair<string, object?>("event", eventType));

    internal void Hop(string hop, string method, int status, TimeSpan elapsed) =>
        _hop.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("hop", hop),
            new KeyValuePair<string, object?>("http.request.method", method),
            new KeyValuePair<string, object?>("http.response.status_code", status));
}
