using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Metadata;

public sealed partial class MetadataReader
{
    /// <summary>A run of <c>EndpointType</c> elements (SAML Metadata 2.2.2).</summary>
    private List<Endpoint> Endpoints(ElementCursor cursor, string localName, bool required)
    {
        var elements = Run(cursor, localName, required);
        return elements.ConvertAll(e => ReadEndpoint(e, "md:" + localName));
    }

    /// <summary>
    /// A run of <c>IndexedEndpointType</c> elements (SAML Metadata 2.2.3): <c>index</c> is required and assigns a
    /// unique value to each endpoint of the kind.
    /// </summary>
    private List<IndexedEndpoint> IndexedEndpoints(ElementCursor cursor, string localName, bool required)
    {
        var label = "md:" + localName;
        var endpoints = new List<IndexedEndpoint>();
        foreach (var element in Run(cursor, localName, required))
        {
            var endpoint = ReadEndpoint(element, label);
            var index = OptionalUnsignedShort(element, "index", label)
                ?? throw new SamlException(SamlErrorCode.MessageMissingAttribute, $"'index' on {label}.");
            if (endpoints.Exists(e => e.Index == index))
            {
                throw Invalid("index", label);
            }

            endpoints.Add(new IndexedEndpoint
            {
                Binding = endpoint.Binding,
                Location = endpoint.Location,
                ResponseLocation = endpoint.ResponseLocation,
                Index = index,
                IsDefault = OptionalBoolean(element, "isDefault", label),
            });
        }

        return endpoints;
    }

    private List<XmlElement> Run(ElementCursor cursor, string localName, bool required) => required
        ? cursor.OneOrMore(XmlNames.Metadata, localName, Options.MaxEndpoints, "md:" + localName)
        : cursor.ZeroOrMore(XmlNames.Metadata, localName, Options.MaxEndpoints, "md:" + localName);

    private Endpoint ReadEndpoint(XmlElement element, string label)
    {
        var binding = RequiredNonEmptyAttribute(element, "Binding", label);
        if (!Uri.TryCreate(binding, UriKind.Absolute, out _))
        {
            throw Invalid("Binding", label);
        }

        // The schema allows extension children; no endpoint Verify uses has any, so refuse them.
        Empty(element, label);
        var responseLocation = Attribute(element, "ResponseLocation");
        return new Endpoint
        {
            Binding = binding,
            Location = Url(RequiredAttribute(element, "Location", label), "Location", label),
            ResponseLocation = responseLocation is null ? null : Url(responseLocation, "ResponseLocation", label),
        };
    }

    /// <summary>A run of text-only elements holding a non-empty URI, such as <c>md:NameIDFormat</c>.</summary>
    private List<string> Texts(ElementCursor cursor, string ns, string localName)
    {
        var label = "md:" + localName;
        return cursor.ZeroOrMore(ns, localName, Options.MaxOtherRepeats, label).ConvertAll(e => NonEmptyText(e, label));
    }
}
