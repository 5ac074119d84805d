using System.Xml;

using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Trust;
using Verify.Testing;

namespace Verify.Saml.Tests.Metadata;

/// <summary>
/// A small federation built in code with the sample certificates: the hub, the stub IDP (two signing keys, as during
/// a rollover, and an encryption key), the test RP (a key with no use) and a matching service.
/// </summary>
internal static class MetadataTestData
{
    public const string HubEntityId = "https://hub.test/SAML2/metadata";
    public const string IdpEntityId = "https://idp.test/saml";
    public const string RpEntityId = "https://rp.test/saml";
    public const string MatchingServiceEntityId = "https://ms.test/saml";
    public const string MduiNamespace = "urn:oasis:names:tc:SAML:metadata:ui";

    /// <summary>The federation, valid for a week from <see cref="TestPki.Now"/>.</summary>
    public static EntitiesDescriptor Federation() => new()
    {
        Id = "_federation",
        Name = "https://hub.test/federation",
        ValidUntil = TestPki.Now.AddDays(7),
        CacheDuration = TimeSpan.FromMinutes(30),
        Members =
        [
            Hub(),
            new EntitiesDescriptor { Name = "identity-providers", Members = [StubIdp()] },
            TestRp(),
            MatchingService(),
        ],
    };

    public static EntityDescriptor StubIdp() => new()
    {
        EntityId = IdpEntityId,
        Extensions = [UiInfo("Stub IDP")],
        Roles =
        [
            new IdpSsoDescriptor
            {
                WantAuthnRequestsSigned = true,
                KeyDescriptors =
                [
                    Key(KeyUse.Signing, "stub-idp-signing"),
                    Key(KeyUse.Signing, "stub-idp-signing-ecdsa"),
                    Key(KeyUse.Encryption, "stub-idp-encryption") with { EncryptionMethods = ["http://www.w3.org/2009/xmlenc11#aes256-gcm"] },
                ],
                NameIdFormats = ["urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"],
                SingleSignOnServices =
                [
                    new Endpoint { Binding = SamlBindings.HttpPost, Location = "https://idp.test/saml/sso" },
                    new Endpoint { Binding = SamlBindings.HttpRedirect, Location = "https://idp.test/saml/sso" },
                ],
            },
        ],
        Organization = new Organization
        {
            Names = [new("en", "Stub IDP Ltd"), new("cy", "Stub IDP Cyf")],
            DisplayNames = [new("en", "Stub IDP")],
            Urls = [new("en", "https://idp.test/")],
        },
        ContactPersons =
        [
            new ContactPerson
            {
                Type = ContactType.Technical,
                Company = "Stub IDP Ltd",
                GivenName = "Ada",
                Surname = "Lovelace",
                EmailAddresses = ["mailto:ops@idp.test", "mailto:oncall@idp.test"],
                TelephoneNumbers = ["+44 20 7946 0000"],
            },
        ],
    };

    public static EntityDescriptor TestRp() => new()
    {
        EntityId = RpEntityId,
        Roles =
        [
            new SpSsoDescriptor
            {
                AuthnRequestsSigned = true,
                WantAssertionsSigned = true,
                KeyDescriptors = [Key(KeyUse.Unspecified, "test-rp-signing"), Key(KeyUse.Encryption, "test-rp-encryption")],
                SingleLogoutServices = [new Endpoint { Binding = SamlBindings.HttpRedirect, Location = "https://rp.test/saml/logout", ResponseLocation = "https://rp.test/saml/logout/done" }],
                AssertionConsumerServices =
                [
                    new IndexedEndpoint { Binding = SamlBindings.HttpPost, Location = "https://rp.test/saml/acs", Index = 0 },
                    new IndexedEndpoint { Binding = SamlBindings.HttpPost, Location = "https://rp.test/saml/acs2", Index = 1, IsDefault = true },
                ],
            },
        ],
        ContactPersons = [new ContactPerson { Type = ContactType.Support, EmailAddresses = ["mailto:help@rp.test"] }],
    };

    public static EntityDescriptor MatchingService() => new()
    {
        EntityId = MatchingServiceEntityId,
        Roles =
        [
            new AttributeAuthorityDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "matching-service-signing"), Key(KeyUse.Encryption, "matching-service-encryption")],
                AttributeServices = [new Endpoint { Binding = SamlBindings.Soap, Location = "https://ms.test/matching-service/POST" }],
            },
        ],
    };

    public static EntityDescriptor Hub() => new()
    {
        EntityId = HubEntityId,
        Roles =
        [
            new SpSsoDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "hub-signing"), Key(KeyUse.Encryption, "hub-encryption")],
                AssertionConsumerServices = [new IndexedEndpoint { Binding = SamlBindings.HttpPost, Location = "https://hub.test/SAML2/SSO/Response/POST", Index = 1, IsDefault = true }],
            },
            new IdpSsoDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "hub-signing")],
                SingleSignOnServices = [new Endpoint { Binding = SamlBindings.HttpPost, Location = "https://hub.test/SAML2/SSO" }],
            },
        ],
    };

    public static KeyDescriptor Key(KeyUse use, string stem) => new() { Use = use, Certificates = [SampleCerts.Certificate(stem)] };

    /// <summary>The federation written as XML (the writer's standard shape).</summary>
    public static string FederationXml() => MetadataWriter.Write(Federation()).OuterXml;

    private static XmlElement UiInfo(string displayName)
    {
        var document = new XmlDocument();
        var ui = document.CreateElement("mdui", "UIInfo", MduiNamespace);
        var name = document.CreateElement("mdui", "DisplayName", MduiNamespace);
        var lang = document.CreateAttribute("xml", "lang", "http://www.w3.org/XML/1998/namespace");
        lang.Value = "en";
        name.SetAttributeNode(lang);
        name.InnerText = displayName;
        ui.AppendChild(name);
        return ui;
    }
}
