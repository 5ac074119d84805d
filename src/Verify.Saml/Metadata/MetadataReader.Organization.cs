using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Metadata;

public sealed partial class MetadataReader
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>SAML Metadata 2.3.2.1: Extensions?, OrganizationName+, OrganizationDisplayName+, OrganizationURL+.</summary>
    private Organization ReadOrganization(XmlElement element)
    {
        var cursor = new ElementCursor(element, "md:Organization");
        var extensions = ReadOptionalExtensions(cursor);
        var organization = new Organization
        {
            Extensions = extensions,
            Names = Localized(cursor, "OrganizationName", url: false),
            DisplayNames = Localized(cursor, "OrganizationDisplayName", url: false),
            Urls = Localized(cursor, "OrganizationURL", url: true),
        };
        cursor.End();
        return organization;
    }

    /// <summary>SAML Metadata 2.2.4/2.2.5: each value carries a required <c>xml:lang</c>.</summary>
    private List<LocalizedText> Localized(ElementCursor cursor, string localName, bool url)
    {
        var label = "md:" + localName;
        return cursor.OneOrMore(XmlNames.Metadata, localName, Options.MaxOtherRepeats, label).ConvertAll(e =>
        {
            var language = e.GetAttributeNode("lang", XmlNamespace)?.Value;
            if (string.IsNullOrEmpty(language))
            {
                throw new SamlException(SamlErrorCode.MessageMissingAttribute, $"'xml:lang' on {label}.");
            }

            var value = NonEmptyText(e, label);
            return new LocalizedText(language, url ? Url(value, "value", label) : value);
        });
    }

    /// <summary>The run of <c>md:ContactPerson</c> elements of an entity or role.</summary>
    private List<ContactPerson> ReadContacts(ElementCursor cursor) =>
        cursor.ZeroOrMore(XmlNames.Metadata, "ContactPerson", Options.MaxOtherRepeats, "md:ContactPerson").ConvertAll(ReadContact);

    /// <summary>SAML Metadata 2.3.2.2: Extensions?, Company?, GivenName?, SurName?, EmailAddress*, TelephoneNumber*.</summary>
    private ContactPerson ReadContact(XmlElement element)
    {
        const string label = "md:ContactPerson";
        var type = RequiredAttribute(element, "contactType", label) switch
        {
            "technical" => ContactType.Technical,
            "support" => ContactType.Support,
            "administrative" => ContactType.Administrative,
            "billing" => ContactType.Billing,
            "other" => ContactType.Other,
            _ => throw Invalid("contactType", label),
        };
        var cursor = new ElementCursor(element, label);
        var contact = new ContactPerson
        {
            Type = type,
            Extensions = ReadOptionalExtensions(cursor),
            Company = OptionalText(cursor, "Company"),
            GivenName = OptionalText(cursor, "GivenName"),
            Surname = OptionalText(cursor, "SurName"),
            EmailAddresses = Texts(cursor, XmlNames.Metadata, "EmailAddress"),
            TelephoneNumbers = Texts(cursor, XmlNames.Metadata, "TelephoneNumber"),
        };
        cursor.End();
        return contact;
    }

    private static string? OptionalText(ElementCursor cursor, string localName) =>
        cursor.Optional(XmlNames.Metadata, localName) is { } element ? NonEmptyText(element, "md:" + localName) : null;
}
