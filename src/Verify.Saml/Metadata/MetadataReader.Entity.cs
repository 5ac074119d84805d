using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Metadata;

public sealed partial class MetadataReader
{
    /// <summary>SAML Core 8.3.6 and Metadata 2.3.2: an entity identifier is a URI of at most 1024 characters.</summary>
    private const int MaxEntityIdLength = 1024;

    /// <summary>SAML Metadata 2.3.2.</summary>
    private EntityDescriptor ReadEntity(XmlElement element, ReadContext context)
    {
        const string label = "md:EntityDescriptor";
        var entityId = RequiredNonEmptyAttribute(element, "entityID", label);
        if (entityId.Length > MaxEntityIdLength || !Uri.TryCreate(entityId, UriKind.Absolute, out _))
        {
            throw Invalid("entityID", label);
        }

        if (context.EntityIds.Count == Options.MaxEntities)
        {
            throw new SamlException(SamlErrorCode.MessageTooManyElements, $"{label} in the document.");
        }

        // An entityID that appears twice would make "the keys of entity X" ambiguous; refuse the whole document.
        if (!context.EntityIds.Add(entityId))
        {
            throw new SamlException(SamlErrorCode.MetadataDuplicateEntityId);
        }

        var cursor = new ElementCursor(element, label);
        var signature = ReadSignature(cursor, label);
        var extensions = ReadOptionalExtensions(cursor);
        var roles = new List<RoleDescriptor>();
        while (cursor.Current is { NamespaceURI: XmlNames.Metadata } current && ReadRole(current) is { } role)
        {
            roles.Add(roles.Count < Options.MaxRoles
                ? role
                : throw new SamlException(SamlErrorCode.MessageTooManyElements, $"Roles in {label}."));
            cursor.Take();
        }

        if (roles.Count == 0)
        {
            // AffiliationDescriptor, AuthnAuthorityDescriptor, PDPDescriptor and bare RoleDescriptor land here too.
            throw cursor.Current is null
                ? new SamlException(SamlErrorCode.MessageMissingElement, $"A role descriptor in {label}.")
                : cursor.Unexpected();
        }

        var organization = cursor.Optional(XmlNames.Metadata, "Organization") is { } org ? ReadOrganization(org) : null;
        var contacts = ReadContacts(cursor);

        // md:AdditionalMetadataLocation (a pointer to more metadata to fetch) is refused here, by End().
        cursor.End();
        return new EntityDescriptor
        {
            EntityId = entityId,
            Id = OptionalNcName(element, "ID", label),
            ValidUntil = OptionalTime(element, "validUntil", label),
            CacheDuration = OptionalDuration(element, label),
            Extensions = extensions,
            Signature = signature,
            Source = element,
            Roles = roles,
            Organization = organization,
            ContactPersons = contacts,
        };
    }

    /// <summary>The role descriptor this element is, or null when it is not a role we support.</summary>
    private RoleDescriptor? ReadRole(XmlElement element) => element.LocalName switch
    {
        "IDPSSODescriptor" => ReadIdpSso(element),
        "SPSSODescriptor" => ReadSpSso(element),
        "AttributeAuthorityDescriptor" => ReadAttributeAuthority(element),
        _ => null,
    };

    /// <summary>An <c>xs:duration</c> <c>cacheDuration</c>; negative durations are refused.</summary>
    private static TimeSpan? OptionalDuration(XmlElement element, string label)
    {
        var value = Attribute(element, "cacheDuration");
        if (value is null)
        {
            return null;
        }

        try
        {
            var duration = XmlConvert.ToTimeSpan(value);
            return duration >= TimeSpan.Zero ? duration : throw Invalid("cacheDuration", label);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new SamlException(SamlErrorCode.MessageInvalidValue, $"'cacheDuration' on {label}.", ex);
        }
    }

    /// <summary>
    /// An absolute URL with scheme <c>https</c> (or <c>http</c> when HTTPS is not required), as given: no
    /// surrounding whitespace, no user information.
    /// </summary>
    private string Url(string value, string name, string label)
    {
        var allowed = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && value.Length == value.Trim().Length
            && uri.UserInfo.Length == 0
            && (uri.Scheme == Uri.UriSchemeHttps || (!Options.RequireHttps && uri.Scheme == Uri.UriSchemeHttp));
        return allowed ? value : throw new SamlException(SamlErrorCode.MetadataInvalidUrl, $"'{name}' on {label}.");
    }
}
