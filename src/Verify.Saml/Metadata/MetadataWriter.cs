using System.Xml;

using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Metadata;

/// <summary>
/// Writes the metadata model as SAML 2.0 metadata in the standard shape: prefixes <c>md</c> and <c>ds</c> declared
/// on the root, elements in schema order (SAML Metadata 2.3–2.4), times as UTC <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>,
/// <c>cacheDuration</c> as an <c>xs:duration</c>, certificates as base64 DER. No indentation: signatures are computed
/// over the document as written.
/// </summary>
/// <remarks>
/// Nothing is signed here, and the <c>Signature</c> and <c>Source</c> of the model are ignored; sign the result
/// with <see cref="MetadataSigner"/>, which puts <c>ds:Signature</c> first, where the schema wants it.
/// </remarks>
public static partial class MetadataWriter
{
    private const string MdPrefix = "md";
    private const string DsPrefix = "ds";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Writes <paramref name="metadata"/> as a new document.</summary>
    /// <exception cref="ArgumentException">An ID in the model is not an <c>xs:ID</c>.</exception>
    public static XmlDocument Write(MetadataDescriptor metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var root = Create(document, metadata);
        DeclareNamespace(root, MdPrefix, XmlNames.Metadata);
        DeclareNamespace(root, DsPrefix, XmlNames.DSig);
        document.AppendChild(root);
        return document;
    }

    private static XmlElement Create(XmlDocument document, MetadataDescriptor metadata) => metadata switch
    {
        EntitiesDescriptor entities => CreateEntities(document, entities),
        EntityDescriptor entity => CreateEntity(document, entity),
        _ => throw new ArgumentException("Unknown metadata descriptor.", nameof(metadata)),
    };

    /// <summary>SAML Metadata 2.3.1.</summary>
    private static XmlElement CreateEntities(XmlDocument document, EntitiesDescriptor entities)
    {
        var element = Md(document, "EntitiesDescriptor");
        SetCommon(element, entities.Id, entities.ValidUntil, entities.CacheDuration);
        SetOptional(element, "Name", entities.Name);
        AppendExtensions(element, entities.Extensions);
        foreach (var member in entities.Members)
        {
            element.AppendChild(Create(document, member));
        }

        return element;
    }

    /// <summary>SAML Metadata 2.3.2.</summary>
    private static XmlElement CreateEntity(XmlDocument document, EntityDescriptor entity)
    {
        var element = Md(document, "EntityDescriptor");
        element.SetAttribute("entityID", entity.EntityId);
        SetCommon(element, entity.Id, entity.ValidUntil, entity.CacheDuration);
        AppendExtensions(element, entity.Extensions);
        foreach (var role in entity.Roles)
        {
            element.AppendChild(CreateRole(document, role));
        }

        AppendOrganizationAndContacts(element, entity.Organization, entity.ContactPersons);
        return element;
    }

    private static void SetCommon(XmlElement element, string? id, DateTimeOffset? validUntil, TimeSpan? cacheDuration)
    {
        if (id is not null)
        {
            element.SetAttribute("ID", IsNcName(id) ? id : throw new ArgumentException("An ID must be an xs:ID (an NCName).", nameof(id)));
        }

        SetOptional(element, "validUntil", validUntil is { } time ? FormatTime(time) : null);
        SetOptional(element, "cacheDuration", cacheDuration is { } duration ? XmlConvert.ToString(duration) : null);
    }

    private static void AppendExtensions(XmlElement parent, IReadOnlyList<XmlElement> extensions)
    {
        if (extensions.Count == 0)
        {
            return;
        }

        var element = parent.AppendChild(Md(parent.OwnerDocument, "Extensions"))!;
        foreach (var extension in extensions)
        {
            element.AppendChild(parent.OwnerDocument.ImportNode(extension, deep: true));
        }
    }

    private static XmlElement Md(XmlDocument document, string localName) =>
        document.CreateElement(MdPrefix, localName, XmlNames.Metadata);

    private static XmlElement Ds(XmlDocument document, string localName) =>
        document.CreateElement(DsPrefix, localName, XmlNames.DSig);

    private static XmlElement AppendText(XmlElement parent, XmlElement child, string text)
    {
        child.AppendChild(parent.OwnerDocument.CreateTextNode(text));
        parent.AppendChild(child);
        return child;
    }

    private static void SetOptional(XmlElement element, string name, string? value)
    {
        if (value is not null)
        {
            element.SetAttribute(name, value);
        }
    }

    private static void DeclareNamespace(XmlElement element, string prefix, string ns)
    {
        var attribute = element.OwnerDocument.CreateAttribute("xmlns", prefix, XmlNames.Xmlns);
        attribute.Value = ns;
        element.SetAttributeNode(attribute);
    }
}
