using System.Xml;

namespace Verify.Saml.Metadata;

public static partial class MetadataWriter
{
    /// <summary>SAML Metadata 2.3.2.1 and 2.3.2.2: the organization, then the contacts.</summary>
    private static void AppendOrganizationAndContacts(XmlElement parent, Organization? organization, IReadOnlyList<ContactPerson> contacts)
    {
        var document = parent.OwnerDocument;
        if (organization is not null)
        {
            var element = (XmlElement)parent.AppendChild(Md(document, "Organization"))!;
            AppendExtensions(element, organization.Extensions);
            AppendLocalized(element, "OrganizationName", organization.Names);
            AppendLocalized(element, "OrganizationDisplayName", organization.DisplayNames);
            AppendLocalized(element, "OrganizationURL", organization.Urls);
        }

        foreach (var contact in contacts)
        {
            var element = (XmlElement)parent.AppendChild(Md(document, "ContactPerson"))!;
            element.SetAttribute("contactType", contact.Type switch
            {
                ContactType.Technical => "technical",
                ContactType.Support => "support",
                ContactType.Administrative => "administrative",
                ContactType.Billing => "billing",
                _ => "other",
            });
            AppendExtensions(element, contact.Extensions);
            AppendOptionalText(element, "Company", contact.Company);
            AppendOptionalText(element, "GivenName", contact.GivenName);
            AppendOptionalText(element, "SurName", contact.Surname);
            AppendTexts(element, "EmailAddress", contact.EmailAddresses);
            AppendTexts(element, "TelephoneNumber", contact.TelephoneNumbers);
        }
    }

    /// <summary>SAML Metadata 2.2.4 and 2.2.5: every value carries <c>xml:lang</c>.</summary>
    private static void AppendLocalized(XmlElement parent, string localName, IEnumerable<LocalizedText> values)
    {
        foreach (var value in values)
        {
            var element = AppendText(parent, Md(parent.OwnerDocument, localName), value.Value);
            var lang = parent.OwnerDocument.CreateAttribute("xml", "lang", XmlNamespace);
            lang.Value = value.Language;
            element.SetAttributeNode(lang);
        }
    }

    private static void AppendOptionalText(XmlElement parent, string localName, string? value)
    {
        if (value is not null)
        {
            AppendText(parent, Md(parent.OwnerDocument, localName), value);
        }
    }
}
