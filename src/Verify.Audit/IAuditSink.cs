namespace Verify.Audit;

/// <summary>
/// Where the hub records its audit events. An append either is durable or throws: the caller stops the journey when
/// it throws (the issue: "if the audit write fails, the journey does not proceed", as Verify did), so nothing happens
/// that the trail does not show.
/// </summary>
public interface IAuditSink
{
    /// <summary>Appends <paramref name="auditEvent"/> to the trail, durably, before returning.</summary>
    /// <exception cref="AuditWriteException">The event was not written; do not carry on with the step.</exception>
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}
