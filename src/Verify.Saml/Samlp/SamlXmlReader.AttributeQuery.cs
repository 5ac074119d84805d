using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Samlp;

public sealed partial class SamlXmlReader
{
    /// <summary>Reads a <c>samlp:AttributeQuery</c> (SAML Core 3.3.2.3).</summary>
    /// <exception cref="SamlException">The query is refused; the code says why.</exception>
    public AttributeQuery ReadAttributeQuery(XmlElement element)
    {
        const string label = "samlp:AttributeQuery";
        RequireName(element, XmlNames.Samlp, "AttributeQuery", label);

        // Core 3.3.2.3: header, Subject, Attribute*.
        var cursor = new ElementCursor(element, label);
        var header = ReadHeader(element, label, cursor, isResponse: false);
        var subject = ReadSubject(cursor.Required(XmlNames.Saml, "Subject", "saml:Subject"));
        var attributes = cursor
            .ZeroOrMore(XmlNames.Saml, "Attribute", Limits.MaxAttributes, "saml:Attribute")
            .ConvertAll(ReadAttribute);
        cursor.End();
        return new AttributeQuery
        {
            Id = header.Id,
            IssueInstant = header.IssueInstant,
            Destination = header.Destination,
            Issuer = header.Issuer,
            Extensions = header.Extensions,
            Signature = header.Signature,
            Source = element,
            Subject = subject,
            Attributes = attributes,
        };
    }
}
