namespace Verify.Hub.Metadata;

/// <summary>
/// The federation metadata as the metadata signer signed it. The hub only serves these bytes: it holds no key that
/// could sign federation metadata, so a compromised hub cannot publish a key of its own for an IDP.
/// </summary>
public interface IPublishedMetadataSource
{
    /// <summary>The signed metadata document, or null when none has been published.</summary>
    ValueTask<byte[]?> GetAsync(CancellationToken cancellationToken = default);
}
