using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

public sealed partial class SamlXmlReader
{
    private const string ValueLabel = "saml:AttributeValue";

    /// <summary>Core 2.7.3: one or more attributes. EncryptedAttribute is refused.</summary>
    private AttributeStatement ReadAttributeStatement(XmlElement element, ref int attributeCount)
    {
        const string label = "saml:AttributeStatement";
        var cursor = new ElementCursor(element, label);
        var attributes = new List<SamlAttribute>();
        while (cursor.At(XmlNames.Saml, "Attribute"))
        {
            if (attributeCount == Limits.MaxAttributes)
            {
                throw new SamlException(SamlErrorCode.MessageTooManyElements, "saml:Attribute in saml:Assertion.");
            }

            attributes.Add(ReadAttribute(cursor.Take()));
            attributeCount++;
        }

        cursor.End();
        return attributes.Count > 0
            ? new AttributeStatement { Attributes = attributes }
            : throw new SamlException(SamlErrorCode.MessageMissingElement, $"saml:Attribute in {label}.");
    }

    /// <summary>Core 2.7.3.1: Name (required), NameFormat, FriendlyName; AttributeValue*.</summary>
    private SamlAttribute ReadAttribute(XmlElement element)
    {
        const string label = "saml:Attribute";
        var name = RequiredNonEmptyAttribute(element, "Name", label);
        var cursor = new ElementCursor(element, label);
        var values = cursor
            .ZeroOrMore(XmlNames.Saml, "AttributeValue", Limits.MaxValuesPerAttribute, ValueLabel)
            .ConvertAll(value => ReadAttributeValue(value, name));
        cursor.End();
        return new SamlAttribute
        {
            Name = name,
            NameFormat = Attribute(element, "NameFormat"),
            FriendlyName = Attribute(element, "FriendlyName"),
            Values = values,
        };
    }

    /// <summary>
    /// Reads a value by its <c>xsi:type</c>. Untyped and <c>xs:string</c> values are strings, except that the
    /// transaction and fraud attributes may come as plain strings as well as in their ida types. Any other type,
    /// and <c>xsi:nil</c>, is refused.
    /// </summary>
    private AttributeValue ReadAttributeValue(XmlElement element, string attributeName)
    {
        if (Attribute(element, "nil", XmlNames.Xsi) is { } nil && ParseBoolean(nil, "xsi:nil", ValueLabel))
        {
            throw Invalid("xsi:nil", ValueLabel);
        }

        var (ns, type) = XsiType(element);
        if (ns is null || (ns == XmlNames.Xs && type == "string"))
        {
            return attributeName switch
            {
                VerifyAttributeNames.IpAddress => new IpAddressValue(Text(element, ValueLabel)),
                VerifyAttributeNames.FraudEventId => new FraudEventIdValue(Text(element, ValueLabel)),
                VerifyAttributeNames.Gpg45Status => ReadGpg45Status(element),
                _ => new StringValue(Text(element, ValueLabel)),
            };
        }

        if (ns != XmlNames.IdaAttributes)
        {
            throw Invalid("xsi:type", ValueLabel);
        }

        return type switch
        {
            "PersonNameType" => new PersonNameValue
            {
                Value = Text(element, ValueLabel),
                Language = Attribute(element, "Language", XmlNames.IdaAttributes),
                From = OptionalDate(element, "From", XmlNames.IdaAttributes, ValueLabel),
                To = OptionalDate(element, "To", XmlNames.IdaAttributes, ValueLabel),
                Verified = IsVerified(element),
            },
            "DateType" => new DateValue
            {
                Value = ParseDate(Text(element, ValueLabel), "ida:DateType", ValueLabel),
                From = OptionalDate(element, "From", XmlNames.IdaAttributes, ValueLabel),
                To = OptionalDate(element, "To", XmlNames.IdaAttributes, ValueLabel),
                Verified = IsVerified(element),
            },
            "GenderType" => new GenderValue
            {
                Value = GenderValue.TryParseWireText(Text(element, ValueLabel), out var gender)
                    ? gender
                    : throw Invalid("ida:GenderType", ValueLabel),
                From = OptionalDate(element, "From", XmlNames.IdaAttributes, ValueLabel),
                To = OptionalDate(element, "To", XmlNames.IdaAttributes, ValueLabel),
                Verified = IsVerified(element),
            },
            "AddressType" => ReadAddress(element),
            "IPAddressType" => new IpAddressValue(Text(element, ValueLabel)),
            "IdpFraudEventIdType" => new FraudEventIdValue(Text(element, ValueLabel)),
            "Gpg45StatusType" => ReadGpg45Status(element),
            _ => throw Invalid("xsi:type", ValueLabel),
        };
    }

    /// <summary>Verify's AddressType: ida:Line*, ida:PostCode?, ida:InternationalPostCode?, ida:UPRN?.</summary>
    private AddressValue ReadAddress(XmlElement element)
    {
        const string label = "ida:AddressType";
        var cursor = new ElementCursor(element, label);
        var lines = cursor
            .ZeroOrMore(XmlNames.IdaAttributes, "Line", Limits.MaxOtherRepeats, "ida:Line")
            .ConvertAll(line => Text(line, "ida:Line"));
        var postCode = cursor.Optional(XmlNames.IdaAttributes, "PostCode") is { } postCodeElement
            ? Text(postCodeElement, "ida:PostCode")
            : null;
        var international = cursor.Optional(XmlNames.IdaAttributes, "InternationalPostCode") is { } internationalElement
            ? Text(internationalElement, "ida:InternationalPostCode")
            : null;
        var uprn = cursor.Optional(XmlNames.IdaAttributes, "UPRN") is { } uprnElement ? Text(uprnElement, "ida:UPRN") : null;
        cursor.End();
        return new AddressValue
        {
            Lines = lines,
            PostCode = postCode,
            InternationalPostCode = international,
            Uprn = uprn,
            From = OptionalDate(element, "From", XmlNames.IdaAttributes, label),
            To = OptionalDate(element, "To", XmlNames.IdaAttributes, label),
            Verified = IsVerified(element),
        };
    }

    private static Gpg45StatusValue ReadGpg45Status(XmlElement element) =>
        Gpg45StatusValue.TryParseWireText(Text(element, ValueLabel), out var status)
            ? new Gpg45StatusValue(status)
            : throw Invalid("FECI_GPG45Status", ValueLabel);

    private static bool IsVerified(XmlElement element) =>
        OptionalBoolean(element, "Verified", ValueLabel, XmlNames.IdaAttributes) ?? false;

    /// <summary>
    /// The <c>xsi:type</c> as (namespace, local name), resolving its prefix in the element's scope; (null, null)
    /// when absent. An unbound prefix is refused.
    /// </summary>
    private static (string? Namespace, string? LocalName) XsiType(XmlElement element)
    {
        var value = Attribute(element, "type", XmlNames.Xsi);
        if (value is null)
        {
            return (null, null);
        }

        var qname = value.Trim(' ', '\t', '\r', '\n');
        var colon = qname.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? string.Empty : qname[..colon];
        var localName = colon < 0 ? qname : qname[(colon + 1)..];
        var ns = element.GetNamespaceOfPrefix(prefix);
        if (localName.Length == 0 || (prefix.Length > 0 && ns.Length == 0))
        {
            throw Invalid("xsi:type", ValueLabel);
        }

        return (ns, localName);
    }
}
