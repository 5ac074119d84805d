using System.Globalization;
using System.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

public static partial class SamlXmlWriter
{
    /// <summary>Writes a <c>samlp:AuthnRequest</c>. <c>ForceAuthn</c>, <c>IsPassive</c> and <c>AllowCreate</c> are written only when true.</summary>
    public static XmlDocument WriteAuthnRequest(AuthnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AssertionConsumerServiceIndex is not null
            && (request.AssertionConsumerServiceUrl is not null || request.ProtocolBinding is not null))
        {
            throw new ArgumentException(
                "AssertionConsumerServiceIndex excludes AssertionConsumerServiceUrl and ProtocolBinding (SAML Core 3.4.1).",
                nameof(request));
        }

        var document = NewDocument();
        var root = CreateMessage(document, "AuthnRequest", request);
        if (request.ForceAuthn)
        {
            root.SetAttribute("ForceAuthn", FormatBoolean(true));
        }

        if (request.IsPassive)
        {
            root.SetAttribute("IsPassive", FormatBoolean(true));
        }

        SetOptional(root, "ProtocolBinding", request.ProtocolBinding);
        SetOptional(root, "AssertionConsumerServiceURL", request.AssertionConsumerServiceUrl);
        SetOptional(root, "AssertionConsumerServiceIndex", FormatIndex(request.AssertionConsumerServiceIndex));
        SetOptional(root, "AttributeConsumingServiceIndex", FormatIndex(request.AttributeConsumingServiceIndex));
        SetOptional(root, "ProviderName", request.ProviderName);

        if (request.NameIdPolicy is { } policy)
        {
            var policyElement = (XmlElement)root.AppendChild(Samlp(document, "NameIDPolicy"))!;
            SetOptional(policyElement, "Format", policy.Format);
            SetOptional(policyElement, "SPNameQualifier", policy.SPNameQualifier);
            if (policy.AllowCreate)
            {
                policyElement.SetAttribute("AllowCreate", FormatBoolean(true));
            }
        }

        if (request.RequestedAuthnContext is { } context)
        {
            if (context.AuthnContextClassRefs.Count == 0)
            {
                throw new ArgumentException("A requested authentication context needs at least one class.", nameof(request));
            }

            var contextElement = (XmlElement)root.AppendChild(Samlp(document, "RequestedAuthnContext"))!;
            contextElement.SetAttribute("Comparison", RequestedAuthnContext.ToWireText(context.Comparison));
            foreach (var classRef in context.AuthnContextClassRefs)
            {
                contextElement.AppendChild(TextElement(document, Saml(document, "AuthnContextClassRef"), classRef));
            }
        }

        return document;
    }

    private static string? FormatIndex(int? index)
    {
        if (index is null)
        {
            return null;
        }

        return index is >= ushort.MinValue and <= ushort.MaxValue
            ? index.Value.ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(index), "An index must be an xs:unsignedShort.");
    }
}
