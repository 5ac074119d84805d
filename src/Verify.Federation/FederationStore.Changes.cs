using Verify.Federation.Storage;

namespace Verify.Federation;

/// <summary>Removing, enabling and disabling one party by entity ID: one transaction each, the revision bumped on a real change.</summary>
public sealed partial class FederationStore
{
    /// <summary>Removes the RP with <paramref name="entityId"/>; false when there is none.</summary>
    public Task<bool> RemoveRelyingPartyAsync(string entityId, CancellationToken cancellationToken = default) =>
        ChangeOneAsync(c => c.RelyingParties.Where(r => r.EntityId == entityId), Remove, entityId, cancellationToken);

    /// <summary>Removes the IDP with <paramref name="entityId"/>; false when there is none.</summary>
    public Task<bool> RemoveIdentityProviderAsync(string entityId, CancellationToken cancellationToken = default) =>
        ChangeOneAsync(c => c.IdentityProviders.Where(i => i.EntityId == entityId), Remove, entityId, cancellationToken);

    /// <summary>Enables or disables the RP with <paramref name="entityId"/>; false when there is none.</summary>
    public Task<bool> SetRelyingPartyEnabledAsync(string entityId, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeOneAsync(
            c => c.RelyingParties.Where(r => r.EntityId == entityId),
            (_, row) =>
            {
                var changed = row.Enabled != enabled;
                (row.Enabled, row.UpdatedAt) = (enabled, changed ? Now() : row.UpdatedAt);
                return changed;
            },
            entityId,
            cancellationToken);

    /// <summary>Enables or disables the IDP with <paramref name="entityId"/>; false when there is none.</summary>
    public Task<bool> SetIdentityProviderEnabledAsync(string entityId, bool enabled, CancellationToken cancellationToken = default) =>
        ChangeOneAsync(
            c => c.IdentityProviders.Where(i => i.EntityId == entityId),
            (_, row) =>
            {
                var changed = row.Enabled != enabled;
                (row.Enabled, row.UpdatedAt) = (enabled, changed ? Now() : row.UpdatedAt);
                return changed;
            },
            entityId,
            cancellationToken);

    private static bool Remove(FederationDbContext context, object row)
    {
        // Removing the tracked row deletes its owned rows (endpoints, certificates, onboarding list) with it.
        context.Remove(row);
        return true;
    }
}
