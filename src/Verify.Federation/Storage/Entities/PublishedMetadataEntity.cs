namespace Verify.Federation.Storage.Entities;

/// <summary>Signed federation metadata as the metadata signer produced it; the newest row is the one served.</summary>
internal sealed class PublishedMetadataEntity
{
    public long Id { get; set; }

    /// <summary>The signed document, byte for byte.</summary>
    public required byte[] Xml { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset ValidUntil { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}
