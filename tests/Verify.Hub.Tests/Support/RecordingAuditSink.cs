using Verify.Audit;
using Verify.Audit.Chain;

namespace Verify.Hub.Tests.Support;

/// <summary>An audit sink that keeps events in memory, and fails on demand (as a database that is down would).</summary>
public sealed class RecordingAuditSink : IAuditSink
{
    private readonly List<AuditEvent> _events = [];

    /// <summary>When set, every append throws <see cref="AuditWriteException"/> and records nothing.</summary>
    public bool Failing { get; set; }

    /// <summary>The events written so far, in order.</summary>
    public IReadOnlyList<AuditEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The types of the events written so far, in order.</summary>
    public IReadOnlyList<string> Types => [.. Events.Select(e => e.EventType)];

    /// <summary>Every event's canonical JSON, as the trail would store it.</summary>
    public string AllJson => string.Join('\n', Events.Select(AuditJson.Canonical));

    public void Clear()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }

    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            throw new AuditWriteException("The audit database is down (test).");
        }

        lock (_events)
        {
            _events.Add(auditEvent);
        }

        return Task.CompletedTask;
    }
}
