namespace Verify.Hub.Directory;

/// <summary>Where the hub gets the current federation snapshot (cached; reloaded when the configuration changes).</summary>
public interface IHubDirectorySource
{
    /// <summary>The current snapshot.</summary>
    ValueTask<IHubDirectory> GetAsync(CancellationToken cancellationToken = default);
}
