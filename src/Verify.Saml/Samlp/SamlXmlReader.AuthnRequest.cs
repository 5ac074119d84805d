using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

public sealed partial class SamlXmlReader
{
    /// <summary>Reads a <c>samlp:AuthnRequest</c> (SAML Core 3.4.1).</summary>
    /// <exception cref="SamlException">The request is refused; the code says why.</exception>
    public AuthnRequest ReadAuthnRequest(XmlElement element)
    {
        const string label = "samlp:AuthnRequest";
        RequireName(element, XmlNames.Samlp, "AuthnRequest", label);

        // Core 3.4.1: header, Subject?, NameIDPolicy?, Conditions?, RequestedAuthnContext?, Scoping?.
        // Subject, Conditions and Scoping are not supported: the cursor refuses them as unexpected.
        var cursor = new ElementCursor(element, label);
        var header = ReadHeader(element, label, cursor, isResponse: false);
        var policy = cursor.Optional(XmlNames.Samlp, "NameIDPolicy") is { } policyElement ? ReadNameIdPolicy(policyElement) : null;
        var context = cursor.Optional(XmlNames.Samlp, "RequestedAuthnContext") is { } contextElement
            ? ReadRequestedAuthnContext(contextElement)
            : null;
        cursor.End();

        var acsIndex = OptionalUnsignedShort(element, "AssertionConsumerServiceIndex", label);
        var acsUrl = Attribute(element, "AssertionConsumerServiceURL");
        var binding = Attribute(element, "ProtocolBinding");

        // Core 3.4.1: AssertionConsumerServiceIndex is mutually exclusive with AssertionConsumerServiceURL and ProtocolBinding.
        if (acsIndex is not null && (acsUrl is not null || binding is not null))
        {
            throw Invalid("AssertionConsumerServiceIndex", label);
        }

        return new AuthnRequest
        {
            Id = header.Id,
            IssueInstant = header.IssueInstant,
            Destination = header.Destination,
            Issuer = header.Issuer,
            Extensions = header.Extensions,
            Signature = header.Signature,
            Source = element,
            NameIdPolicy = policy,
            RequestedAuthnContext = context,
            ForceAuthn = OptionalBoolean(element, "ForceAuthn", label) ?? false,
            IsPassive = OptionalBoolean(element, "IsPassive", label) ?? false,
            AssertionConsumerServiceUrl = acsUrl,
            AssertionConsumerServiceIndex = acsIndex,
            ProtocolBinding = binding,
            AttributeConsumingServiceIndex = OptionalUnsignedShort(element, "AttributeConsumingServiceIndex", label),
            ProviderName = Attribute(element, "ProviderName"),
        };
    }

    private static NameIdPolicy ReadNameIdPolicy(XmlElement element)
    {
        const string label = "samlp:NameIDPolicy";
        Empty(element, label);
        return new NameIdPolicy
        {
            Format = Attribute(element, "Format"),
            SPNameQualifier = Attribute(element, "SPNameQualifier"),
            AllowCreate = OptionalBoolean(element, "AllowCreate", label) ?? false,
        };
    }

    /// <summary>Core 3.3.2.2.1: Comparison (default exact); AuthnContextClassRef+ (AuthnContextDeclRef is refused).</summary>
    private RequestedAuthnContext ReadRequestedAuthnContext(XmlElement element)
    {
        const string label = "samlp:RequestedAuthnContext";
        var comparison = AuthnContextComparison.Exact;
        if (Attribute(element, "Comparison") is { } text && !RequestedAuthnContext.TryParseWireText(text, out comparison))
        {
            throw Invalid("Comparison", label);
        }

        var cursor = new ElementCursor(element, label);
        var classRefs = cursor
            .OneOrMore(XmlNames.Saml, "AuthnContextClassRef", Limits.MaxOtherRepeats, "saml:AuthnContextClassRef")
            .ConvertAll(classRef => NonEmptyText(classRef, "saml:AuthnContextClassRef"));
        cursor.End();
        return new RequestedAuthnContext { Comparison = comparison, AuthnContextClassRefs = classRefs };
    }
}
