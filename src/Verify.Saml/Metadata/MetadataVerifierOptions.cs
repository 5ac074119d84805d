using Verify.Saml.Xml;

namespace Verify.Saml.Metadata;

/// <summary>What <see cref="MetadataVerifier"/> requires of federation metadata beyond a valid signature.</summary>
public sealed record MetadataVerifierOptions
{
    /// <summary>The defaults: <c>validUntil</c> required, HTTPS endpoints, metadata-sized XML limits.</summary>
    public static MetadataVerifierOptions Default { get; } = new();

    /// <summary>
    /// Whether the root must carry <c>validUntil</c>. On by default: without an expiry, old signed metadata that still
    /// lists a retired or compromised key could be replayed for ever (SAML Metadata Interoperability Profile).
    /// </summary>
    public bool RequireValidUntil { get; init; } = true;

    /// <summary>Limits and rules for reading the verified metadata.</summary>
    public MetadataReaderOptions Reader { get; init; } = MetadataReaderOptions.Default;

    /// <summary>Limits for parsing the XML (size, depth, attributes).</summary>
    public SecureXmlOptions Xml { get; init; } = SecureXmlOptions.Metadata;
}
