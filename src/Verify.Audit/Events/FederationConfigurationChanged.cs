namespace Verify.Audit.Events;

/// <summary>The operator changed the federation: a party added, updated, enabled, disabled or removed, or metadata published.</summary>
public sealed record FederationConfigurationChanged : AuditEvent
{
    /// <summary>What changed: <c>Added</c>, <c>Updated</c>, <c>Enabled</c>, <c>Disabled</c>, <c>Removed</c>, <c>MetadataPublished</c>.</summary>
    public required AuditCode Change { get; init; }

    /// <summary>The party changed; absent for a change to the federation as a whole.</summary>
    public AuditEntityId? Party { get; init; }

    /// <summary>The federation revision after the change.</summary>
    public long? Revision { get; init; }
}
