using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

public static partial class SamlXmlWriter
{
    private static void DeclareValueNamespaces(XmlElement element)
    {
        DeclareNamespace(element, XsiPrefix, XmlNames.Xsi);
        DeclareNamespace(element, XsPrefix, XmlNames.Xs);
        DeclareNamespace(element, IdaPrefix, XmlNames.IdaAttributes);
    }

    private static XmlElement CreateAttribute(XmlDocument document, SamlAttribute attribute)
    {
        var element = Saml(document, "Attribute");
        element.SetAttribute("Name", attribute.Name);
        SetOptional(element, "NameFormat", attribute.NameFormat);
        SetOptional(element, "FriendlyName", attribute.FriendlyName);
        foreach (var value in attribute.Values)
        {
            element.AppendChild(CreateAttributeValue(document, value));
        }

        return element;
    }

    /// <summary>Each value kind in its wire type: <c>xs:string</c> for strings, the ida types for Verify's values.</summary>
    private static XmlElement CreateAttributeValue(XmlDocument document, AttributeValue value)
    {
        var element = Saml(document, "AttributeValue");
        switch (value)
        {
            case StringValue text:
                SetXsiType(element, XsPrefix + ":string");
                return TextElement(document, element, text.Value);
            case PersonNameValue name:
                SetXsiType(element, IdaPrefix + ":PersonNameType");
                SetMatchingDatasetAttributes(element, name);
                if (name.Language is not null)
                {
                    SetPrefixed(element, IdaPrefix, "Language", XmlNames.IdaAttributes, name.Language);
                }

                return TextElement(document, element, name.Value);
            case DateValue date:
                SetXsiType(element, IdaPrefix + ":DateType");
                SetMatchingDatasetAttributes(element, date);
                return TextElement(document, element, FormatDate(date.Value));
            case GenderValue gender:
                SetXsiType(element, IdaPrefix + ":GenderType");
                SetMatchingDatasetAttributes(element, gender);
                return TextElement(document, element, GenderValue.ToWireText(gender.Value));
            case AddressValue address:
                SetXsiType(element, IdaPrefix + ":AddressType");
                SetMatchingDatasetAttributes(element, address);
                AppendAddress(document, element, address);
                return element;
            case IpAddressValue ipAddress:
                SetXsiType(element, IdaPrefix + ":IPAddressType");
                return TextElement(document, element, ipAddress.Value);
            case FraudEventIdValue fraudEventId:
                SetXsiType(element, IdaPrefix + ":IdpFraudEventIdType");
                return TextElement(document, element, fraudEventId.Value);
            case Gpg45StatusValue status:
                SetXsiType(element, IdaPrefix + ":Gpg45StatusType");
                return TextElement(document, element, Gpg45StatusValue.ToWireText(status.Value));
            default:
                throw new ArgumentException("Unsupported attribute value kind.", nameof(value));
        }
    }

    private static void AppendAddress(XmlDocument document, XmlElement element, AddressValue address)
    {
        foreach (var line in address.Lines)
        {
            element.AppendChild(TextElement(document, Ida(document, "Line"), line));
        }

        if (address.PostCode is not null)
        {
            element.AppendChild(TextElement(document, Ida(document, "PostCode"), address.PostCode));
        }

        if (address.InternationalPostCode is not null)
        {
            element.AppendChild(TextElement(document, Ida(document, "InternationalPostCode"), address.InternationalPostCode));
        }

        if (address.Uprn is not null)
        {
            element.AppendChild(TextElement(document, Ida(document, "UPRN"), address.Uprn));
        }
    }

    private static void SetMatchingDatasetAttributes(XmlElement element, MatchingDatasetValue value)
    {
        if (value.From is { } from)
        {
            SetPrefixed(element, IdaPrefix, "From", XmlNames.IdaAttributes, FormatDate(from));
        }

        if (value.To is { } to)
        {
            SetPrefixed(element, IdaPrefix, "To", XmlNames.IdaAttributes, FormatDate(to));
        }

        SetPrefixed(element, IdaPrefix, "Verified", XmlNames.IdaAttributes, FormatBoolean(value.Verified));
    }

    private static void SetXsiType(XmlElement element, string type) =>
        SetPrefixed(element, XsiPrefix, "type", XmlNames.Xsi, type);
}
