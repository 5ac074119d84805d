using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Metadata;

/// <summary>
/// Reads SAML 2.0 metadata into the typed model, strictly: element names and order follow the schema
/// (SAML Metadata 2.3–2.4), required attributes are there, times are UTC, URLs are absolute and HTTPS (see
/// <see cref="MetadataReaderOptions.RequireHttps"/>), entityIDs are unique, and repeated elements are counted against
/// <see cref="MetadataReaderOptions"/>. Anything else is refused with a <see cref="SamlException"/>.
/// </summary>
/// <remarks>
/// The reader does not verify signatures (<see cref="MetadataVerifier"/> does, before reading) and does not check
/// <c>validUntil</c> against the clock. Extension elements are kept as read.
/// </remarks>
public sealed partial class MetadataReader
{
    /// <summary>A reader with the default options.</summary>
    public static MetadataReader Default { get; } = new();

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Limits and rules; <see cref="MetadataReaderOptions.Default"/> when null.</param>
    public MetadataReader(MetadataReaderOptions? options = null)
    {
        Options = options ?? MetadataReaderOptions.Default;
    }

    /// <summary>The options in force.</summary>
    public MetadataReaderOptions Options { get; }

    /// <summary>Reads the document's root, an <c>md:EntitiesDescriptor</c> or <c>md:EntityDescriptor</c>.</summary>
    /// <exception cref="SamlException">The metadata is refused; the code says why.</exception>
    public MetadataDescriptor Read(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Read(document.DocumentElement ?? throw new SamlException(SamlErrorCode.XmlEmpty));
    }

    /// <summary>Reads an <c>md:EntitiesDescriptor</c> or <c>md:EntityDescriptor</c> element, e.g. a verified one.</summary>
    /// <exception cref="SamlException">The metadata is refused; the code says why.</exception>
    public MetadataDescriptor Read(XmlElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var context = new ReadContext();
        return element switch
        {
            { LocalName: "EntitiesDescriptor", NamespaceURI: XmlNames.Metadata } => ReadEntities(element, context, 1),
            { LocalName: "EntityDescriptor", NamespaceURI: XmlNames.Metadata } => ReadEntity(element, context),
            _ => throw new SamlException(SamlErrorCode.MessageUnexpectedRoot, "Expected md:EntitiesDescriptor or md:EntityDescriptor."),
        };
    }

    /// <summary>SAML Metadata 2.3.1.</summary>
    private EntitiesDescriptor ReadEntities(XmlElement element, ReadContext context, int level)
    {
        const string label = "md:EntitiesDescriptor";
        if (level > Options.MaxEntitiesNesting)
        {
            throw new SamlException(SamlErrorCode.MessageTooManyElements, $"Nesting of {label}.");
        }

        var cursor = new ElementCursor(element, label);
        var signature = ReadSignature(cursor, label);
        var extensions = ReadOptionalExtensions(cursor);
        var members = new List<MetadataDescriptor>();
        while (cursor.Current is { NamespaceURI: XmlNames.Metadata } current)
        {
            if (current.LocalName == "EntityDescriptor")
            {
                members.Add(ReadEntity(cursor.Take(), context));
            }
            else if (current.LocalName == "EntitiesDescriptor")
            {
                members.Add(ReadEntities(cursor.Take(), context, level + 1));
            }
            else
            {
                break;
            }
        }

        cursor.End();
        return new EntitiesDescriptor
        {
            Id = OptionalNcName(element, "ID", label),
            Name = Attribute(element, "Name"),
            ValidUntil = OptionalTime(element, "validUntil", label),
            CacheDuration = OptionalDuration(element, label),
            Extensions = extensions,
            Signature = signature,
            Source = element,
            Members = members.Count > 0 ? members : throw new SamlException(SamlErrorCode.MessageMissingElement, $"An entity in {label}."),
        };
    }

    /// <summary>The <c>ds:Signature</c> in the schema's position (the first child); only one is allowed.</summary>
    private static XmlElement? ReadSignature(ElementCursor cursor, string label)
    {
        var signature = cursor.Optional(XmlNames.DSig, "Signature");
        return signature is not null && cursor.At(XmlNames.DSig, "Signature")
            ? throw new SamlException(SamlErrorCode.SignatureMultiple, $"On {label}.")
            : signature;
    }

    /// <summary>
    /// SAML Metadata 2.3.1: extension elements MUST be namespace-qualified by a non-SAML-defined namespace (we refuse
    /// the core metadata, assertion and protocol namespaces; mdui, mdattr and the like are welcome).
    /// </summary>
    private List<XmlElement> ReadOptionalExtensions(ElementCursor cursor)
    {
        const string label = "md:Extensions";
        if (cursor.Optional(XmlNames.Metadata, "Extensions") is not { } element)
        {
            return [];
        }

        var inner = new ElementCursor(element, label);
        var extensions = new List<XmlElement>();
        while (inner.Current is { } current)
        {
            if (current.NamespaceURI is "" or XmlNames.Metadata or XmlNames.Saml or XmlNames.Samlp)
            {
                throw inner.Unexpected();
            }

            extensions.Add(extensions.Count < Options.MaxOtherRepeats
                ? inner.Take()
                : throw new SamlException(SamlErrorCode.MessageTooManyElements, $"In {label}."));
        }

        return extensions.Count > 0 ? extensions : throw new SamlException(SamlErrorCode.MessageMissingElement, $"An extension element in {label}.");
    }

    /// <summary>What one <see cref="Read(XmlElement)"/> has seen so far: entityIDs must be unique in the document.</summary>
    private sealed class ReadContext
    {
        public HashSet<string> EntityIds { get; } = new(StringComparer.Ordinal);
    }
}
