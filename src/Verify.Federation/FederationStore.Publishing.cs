using System.Security.Cryptography;

using Microsoft.EntityFrameworkCore;

using Verify.Federation.Publishing;
using Verify.Federation.Storage;
using Verify.Federation.Storage.Entities;
using Verify.Saml.Errors;
using Verify.Saml.Metadata;

namespace Verify.Federation;

/// <summary>Signed federation metadata: stored only after it verifies, served as stored.</summary>
public sealed partial class FederationStore
{
    /// <summary>
    /// Stores signed federation metadata for the hub to serve, after checking it with <paramref name="verifier"/>
    /// (the metadata-signing certificate, pinned or PKIX): the hub serves it but never signs it, so what it serves
    /// must already carry the metadata signer's valid signature and a <c>validUntil</c> in the future.
    /// </summary>
    /// <exception cref="SamlException">The signature does not verify, the document is not metadata, or it has expired.</exception>
    /// <exception cref="ArgumentException">It has no <c>validUntil</c> (never publish metadata that cannot expire).</exception>
    public async Task<PublishedMetadata> PublishMetadataAsync(ReadOnlyMemory<byte> signedXml, MetadataVerifier verifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var verified = verifier.Verify(signedXml.Span);

        // SAML Metadata Interoperability Profile: signed metadata without an expiry could be replayed for ever.
        var validUntil = verified.ValidUntil
            ?? throw new ArgumentException("The signed metadata has no validUntil; sign it with one before publishing.", nameof(signedXml));
        var row = new PublishedMetadataEntity
        {
            Xml = signedXml.ToArray(),
            Sha256 = Convert.ToHexString(SHA256.HashData(signedXml.Span)),
            ValidUntil = Registration.SettingsChecks.Instant(validUntil)!.Value,
            PublishedAt = Now(),
        };
        await WriteAsync(
            context =>
            {
                context.PublishedMetadata.Add(row);
                return Task.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
        return ToPublished(row);
    }

    /// <summary>The newest published federation metadata, or null when none has been published.</summary>
    public async Task<PublishedMetadata?> GetPublishedMetadataAsync(CancellationToken cancellationToken = default)
    {
        var context = Database.CreateContext();
        await using (context.ConfigureAwait(false))
        {
            return await LatestPublishedAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<PublishedMetadata?> LatestPublishedAsync(FederationDbContext context, CancellationToken cancellationToken)
    {
        var row = await context.PublishedMetadata.AsNoTracking()
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : ToPublished(row);
    }

    private static PublishedMetadata ToPublished(PublishedMetadataEntity row) => new(row.Xml, row.Sha256, row.ValidUntil, row.PublishedAt);
}
