namespace Verify.Federation.Publishing;

/// <summary>
/// Signed federation metadata as the metadata signer produced it, ready to serve byte for byte. The hub serves it and
/// never signs it (ARCHITECTURE.md: the metadata-signing key never sits on the hub).
/// </summary>
/// <param name="Xml">The signed document, exactly as verified when it was published.</param>
/// <param name="Sha256">SHA-256 of <paramref name="Xml"/>, upper-case hex (an ETag).</param>
/// <param name="ValidUntil">The document's <c>validUntil</c>; consumers refuse it afterwards.</param>
/// <param name="PublishedAt">When it was stored.</param>
public sealed record PublishedMetadata(ReadOnlyMemory<byte> Xml, string Sha256, DateTimeOffset ValidUntil, DateTimeOffset PublishedAt)
{
    /// <summary>Whether <see cref="ValidUntil"/> has passed at <paramref name="now"/>.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ValidUntil;
}
