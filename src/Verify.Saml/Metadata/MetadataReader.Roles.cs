using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Metadata;

public sealed partial class MetadataReader
{
    /// <summary>SAML Metadata 2.4.3.</summary>
    private IdpSsoDescriptor ReadIdpSso(XmlElement element)
    {
        const string label = "md:IDPSSODescriptor";
        var cursor = new ElementCursor(element, label);
        var role = ReadSsoCommon(element, cursor, label, new IdpSsoDescriptor { SingleSignOnServices = [] });
        var sso = Endpoints(cursor, "SingleSignOnService", required: true);

        // SAML Metadata 2.4.3: the ResponseLocation attribute MUST be omitted on SingleSignOnService.
        if (sso.Exists(e => e.ResponseLocation is not null))
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedElement, "'ResponseLocation' on md:SingleSignOnService.");
        }

        role = role with
        {
            WantAuthnRequestsSigned = OptionalBoolean(element, "WantAuthnRequestsSigned", label) ?? false,
            SingleSignOnServices = sso,
            NameIdMappingServices = Endpoints(cursor, "NameIDMappingService", required: false),
            AssertionIdRequestServices = Endpoints(cursor, "AssertionIDRequestService", required: false),
            AttributeProfiles = Texts(cursor, XmlNames.Metadata, "AttributeProfile"),
            Attributes = cursor.ZeroOrMore(XmlNames.Saml, "Attribute", Options.MaxOtherRepeats, "saml:Attribute"),
        };
        cursor.End();
        return role;
    }

    /// <summary>SAML Metadata 2.4.4.</summary>
    private SpSsoDescriptor ReadSpSso(XmlElement element)
    {
        const string label = "md:SPSSODescriptor";
        var cursor = new ElementCursor(element, label);
        var role = ReadSsoCommon(element, cursor, label, new SpSsoDescriptor { AssertionConsumerServices = [] });
        role = role with
        {
            AuthnRequestsSigned = OptionalBoolean(element, "AuthnRequestsSigned", label) ?? false,
            WantAssertionsSigned = OptionalBoolean(element, "WantAssertionsSigned", label) ?? false,
            AssertionConsumerServices = IndexedEndpoints(cursor, "AssertionConsumerService", required: true),
            AttributeConsumingServices = cursor.ZeroOrMore(XmlNames.Metadata, "AttributeConsumingService", Options.MaxOtherRepeats, "md:AttributeConsumingService"),
        };
        cursor.End();
        return role;
    }

    /// <summary>SAML Metadata 2.4.7.</summary>
    private AttributeAuthorityDescriptor ReadAttributeAuthority(XmlElement element)
    {
        const string label = "md:AttributeAuthorityDescriptor";
        var cursor = new ElementCursor(element, label);
        var role = ReadRoleCommon(element, cursor, label, new AttributeAuthorityDescriptor { AttributeServices = [] });
        role = role with
        {
            AttributeServices = Endpoints(cursor, "AttributeService", required: true),
            AssertionIdRequestServices = Endpoints(cursor, "AssertionIDRequestService", required: false),
            NameIdFormats = Texts(cursor, XmlNames.Metadata, "NameIDFormat"),
            AttributeProfiles = Texts(cursor, XmlNames.Metadata, "AttributeProfile"),
            Attributes = cursor.ZeroOrMore(XmlNames.Saml, "Attribute", Options.MaxOtherRepeats, "saml:Attribute"),
        };
        cursor.End();
        return role;
    }

    /// <summary>SAML Metadata 2.4.2 <c>SSODescriptorType</c>, after the role's common part.</summary>
    private T ReadSsoCommon<T>(XmlElement element, ElementCursor cursor, string label, T empty)
        where T : SsoDescriptor
    {
        SsoDescriptor role = ReadRoleCommon(element, cursor, label, empty);
        return (T)(role with
        {
            ArtifactResolutionServices = IndexedEndpoints(cursor, "ArtifactResolutionService", required: false),
            SingleLogoutServices = Endpoints(cursor, "SingleLogoutService", required: false),
            ManageNameIdServices = Endpoints(cursor, "ManageNameIDService", required: false),
            NameIdFormats = Texts(cursor, XmlNames.Metadata, "NameIDFormat"),
        });
    }

    /// <summary>SAML Metadata 2.4.1 <c>RoleDescriptorType</c>: attributes, then Signature?, Extensions?, KeyDescriptor*, Organization?, ContactPerson*.</summary>
    private T ReadRoleCommon<T>(XmlElement element, ElementCursor cursor, string label, T empty)
        where T : RoleDescriptor
    {
        var protocols = RequiredNonEmptyAttribute(element, "protocolSupportEnumeration", label)
            .Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

        // A role that does not speak SAML 2.0 cannot be used by us (SAML Metadata 2.4.1).
        if (protocols.Length > Options.MaxOtherRepeats || !protocols.Contains(RoleDescriptor.Saml2Protocol, StringComparer.Ordinal))
        {
            throw Invalid("protocolSupportEnumeration", label);
        }

        var errorUrl = Attribute(element, "errorURL");
        _ = ReadSignature(cursor, label);
        RoleDescriptor role = empty;
        return (T)(role with
        {
            Id = OptionalNcName(element, "ID", label),
            ValidUntil = OptionalTime(element, "validUntil", label),
            CacheDuration = OptionalDuration(element, label),
            ProtocolSupportEnumeration = protocols,
            ErrorUrl = errorUrl is null ? null : Url(errorUrl, "errorURL", label),
            Extensions = ReadOptionalExtensions(cursor),
            KeyDescriptors = [.. cursor.ZeroOrMore(XmlNames.Metadata, "KeyDescriptor", Options.MaxKeyDescriptors, "md:KeyDescriptor").Select(ReadKeyDescriptor)],
            Organization = cursor.Optional(XmlNames.Metadata, "Organization") is { } org ? ReadOrganization(org) : null,
            ContactPersons = ReadContacts(cursor),
        });
    }
}
