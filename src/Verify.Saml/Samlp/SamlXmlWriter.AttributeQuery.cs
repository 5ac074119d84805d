using System.Xml;

namespace Verify.Saml.Samlp;

public static partial class SamlXmlWriter
{
    /// <summary>Writes a <c>samlp:AttributeQuery</c>: the subject, then the attributes asked for.</summary>
    public static XmlDocument WriteAttributeQuery(AttributeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var document = NewDocument();
        var root = CreateMessage(document, "AttributeQuery", query);
        if (query.Attributes.Any(attribute => attribute.Values.Count > 0))
        {
            DeclareValueNamespaces(root);
        }

        root.AppendChild(CreateSubject(document, query.Subject));
        foreach (var attribute in query.Attributes)
        {
            root.AppendChild(CreateAttribute(document, attribute));
        }

        return document;
    }
}
