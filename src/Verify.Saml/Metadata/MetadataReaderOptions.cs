namespace Verify.Saml.Metadata;

/// <summary>
/// Limits and rules the <see cref="MetadataReader"/> applies, so that hostile metadata cannot make us allocate
/// without bound or point us at an endpoint we would not use. Exceeding a count is refused with
/// <c>MessageTooManyElements</c>. The defaults are far above what a federation of Verify's size publishes.
/// </summary>
public sealed record MetadataReaderOptions
{
    /// <summary>The defaults: HTTPS endpoints only.</summary>
    public static MetadataReaderOptions Default { get; } = new();

    /// <summary>Entities in one document, over all nesting levels.</summary>
    public int MaxEntities { get; init; } = 2000;

    /// <summary>Nesting of <c>md:EntitiesDescriptor</c>, the root being level 1.</summary>
    public int MaxEntitiesNesting { get; init; } = 4;

    /// <summary>Role descriptors in one entity.</summary>
    public int MaxRoles { get; init; } = 8;

    /// <summary>Key descriptors in one role (several per use during a rollover).</summary>
    public int MaxKeyDescriptors { get; init; } = 16;

    /// <summary>Certificates in one key descriptor's KeyInfo.</summary>
    public int MaxCertificatesPerKey { get; init; } = 4;

    /// <summary>Endpoints of one kind in one role (e.g. assertion consumer services).</summary>
    public int MaxEndpoints { get; init; } = 32;

    /// <summary>Any other repeated element: names, contacts, e-mail addresses, formats, extension elements.</summary>
    public int MaxOtherRepeats { get; init; } = 32;

    /// <summary>
    /// Whether endpoint locations and organization URLs must be <c>https</c>. When false, <c>http</c> is accepted
    /// too (local development without TLS); no other scheme ever is.
    /// </summary>
    public bool RequireHttps { get; init; } = true;
}
