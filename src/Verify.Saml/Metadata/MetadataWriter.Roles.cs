using System.Xml;

using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Metadata;

public static partial class MetadataWriter
{
    /// <summary>SAML Metadata 2.4.3, 2.4.4 and 2.4.7, each after the common part of 2.4.1 (and 2.4.2).</summary>
    private static XmlElement CreateRole(XmlDocument document, RoleDescriptor role)
    {
        var element = Md(document, role switch
        {
            IdpSsoDescriptor => "IDPSSODescriptor",
            SpSsoDescriptor => "SPSSODescriptor",
            AttributeAuthorityDescriptor => "AttributeAuthorityDescriptor",
            _ => throw new ArgumentException("Unknown role descriptor.", nameof(role)),
        });
        AppendRoleCommon(element, role);
        switch (role)
        {
            case IdpSsoDescriptor idp:
                element.SetAttribute("WantAuthnRequestsSigned", FormatBoolean(idp.WantAuthnRequestsSigned));
                AppendEndpoints(element, "SingleSignOnService", idp.SingleSignOnServices);
                AppendEndpoints(element, "NameIDMappingService", idp.NameIdMappingServices);
                AppendEndpoints(element, "AssertionIDRequestService", idp.AssertionIdRequestServices);
                AppendTexts(element, "AttributeProfile", idp.AttributeProfiles);
                AppendImported(element, idp.Attributes);
                break;
            case SpSsoDescriptor sp:
                element.SetAttribute("AuthnRequestsSigned", FormatBoolean(sp.AuthnRequestsSigned));
                element.SetAttribute("WantAssertionsSigned", FormatBoolean(sp.WantAssertionsSigned));
                AppendEndpoints(element, "AssertionConsumerService", sp.AssertionConsumerServices);
                AppendImported(element, sp.AttributeConsumingServices);
                break;
            case AttributeAuthorityDescriptor authority:
                AppendEndpoints(element, "AttributeService", authority.AttributeServices);
                AppendEndpoints(element, "AssertionIDRequestService", authority.AssertionIdRequestServices);
                AppendTexts(element, "NameIDFormat", authority.NameIdFormats);
                AppendTexts(element, "AttributeProfile", authority.AttributeProfiles);
                AppendImported(element, authority.Attributes);
                break;
        }

        return element;
    }

    private static void AppendRoleCommon(XmlElement element, RoleDescriptor role)
    {
        element.SetAttribute("protocolSupportEnumeration", string.Join(' ', role.ProtocolSupportEnumeration));
        SetCommon(element, role.Id, role.ValidUntil, role.CacheDuration);
        SetOptional(element, "errorURL", role.ErrorUrl);
        AppendExtensions(element, role.Extensions);
        foreach (var key in role.KeyDescriptors)
        {
            element.AppendChild(CreateKeyDescriptor(element.OwnerDocument, key));
        }

        AppendOrganizationAndContacts(element, role.Organization, role.ContactPersons);
        if (role is SsoDescriptor sso)
        {
            AppendEndpoints(element, "ArtifactResolutionService", sso.ArtifactResolutionServices);
            AppendEndpoints(element, "SingleLogoutService", sso.SingleLogoutServices);
            AppendEndpoints(element, "ManageNameIDService", sso.ManageNameIdServices);
            AppendTexts(element, "NameIDFormat", sso.NameIdFormats);
        }
    }

    /// <summary>SAML Metadata 2.4.1.1: <c>use</c> is omitted for a key usable for both purposes.</summary>
    private static XmlElement CreateKeyDescriptor(XmlDocument document, KeyDescriptor key)
    {
        var element = Md(document, "KeyDescriptor");
        SetOptional(element, "use", key.Use switch
        {
            KeyUse.Signing => "signing",
            KeyUse.Encryption => "encryption",
            _ => null,
        });
        var keyInfo = (XmlElement)element.AppendChild(Ds(document, "KeyInfo"))!;
        if (key.KeyName is not null)
        {
            AppendText(keyInfo, Ds(document, "KeyName"), key.KeyName);
        }

        var x509Data = (XmlElement)keyInfo.AppendChild(Ds(document, "X509Data"))!;
        foreach (var certificate in key.Certificates)
        {
            AppendText(x509Data, Ds(document, "X509Certificate"), Convert.ToBase64String(certificate.RawData));
        }

        foreach (var method in key.EncryptionMethods)
        {
            ((XmlElement)element.AppendChild(Md(document, "EncryptionMethod"))!).SetAttribute("Algorithm", method);
        }

        return element;
    }

    /// <summary>SAML Metadata 2.2.2 and 2.2.3.</summary>
    private static void AppendEndpoints(XmlElement parent, string localName, IEnumerable<Endpoint> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            var element = (XmlElement)parent.AppendChild(Md(parent.OwnerDocument, localName))!;
            element.SetAttribute("Binding", endpoint.Binding);
            element.SetAttribute("Location", endpoint.Location);
            SetOptional(element, "ResponseLocation", endpoint.ResponseLocation);
            if (endpoint is IndexedEndpoint indexed)
            {
                element.SetAttribute("index", indexed.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                SetOptional(element, "isDefault", indexed.IsDefault is { } isDefault ? FormatBoolean(isDefault) : null);
            }
        }
    }

    private static void AppendTexts(XmlElement parent, string localName, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            AppendText(parent, Md(parent.OwnerDocument, localName), value);
        }
    }

    private static void AppendImported(XmlElement parent, IEnumerable<XmlElement> elements)
    {
        foreach (var element in elements)
        {
            parent.AppendChild(parent.OwnerDocument.ImportNode(element, deep: true));
        }
    }
}
