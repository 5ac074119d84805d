using System.Text;

using Verify.Federation.Registration;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Testing;

namespace Verify.Federation.Tests.Support;

/// <summary>
/// Metadata for fake RPs and IDPs, built in code with the certs-sample keys and written with the library's
/// <see cref="MetadataWriter"/>; tests change one thing with <c>with</c> and register the result.
/// </summary>
internal static class TestParties
{
    public const string RpId = "https://rp.test/saml";
    public const string OtherRpId = "https://other-rp.test/saml";
    public const string IdpId = "https://idp.test/saml";
    public const string HubId = "https://hub.test/SAML2/metadata";
    public const string MatchingServiceId = "https://ms.test/matching-service";
    public const string MatchUrl = "https://ms.test/SAML2/SOAP/AttributeQuery";
    public const string AccountCreationUrl = "https://ms.test/SAML2/SOAP/AccountCreation";

    public static DateTimeOffset Now { get; } = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A relying party: a signing key, an encryption key, two HTTP-POST ACS (index 1 the default) and an artifact one.</summary>
    public static EntityDescriptor Rp(string entityId = RpId) => new()
    {
        EntityId = entityId,
        Roles =
        [
            new SpSsoDescriptor
            {
                AuthnRequestsSigned = true,
                KeyDescriptors = [Key(KeyUse.Signing, "test-rp-signing"), Key(KeyUse.Encryption, "test-rp-encryption")],
                AssertionConsumerServices =
                [
                    Acs(0, Host(entityId) + "/saml/acs"),
                    Acs(1, Host(entityId) + "/saml/acs-default") with { IsDefault = true },
                    Acs(2, Host(entityId) + "/saml/artifact") with { Binding = SamlBindings.HttpArtifact },
                ],
            },
        ],
        Organization = new Organization
        {
            Names = [new("en", "Test Department")],
            DisplayNames = [new("en", "Test Service"), new("cy", "Gwasanaeth Prawf")],
            Urls = [new("en", "https://rp.test/")],
        },
    };

    /// <summary>An identity provider: a signing and an encryption key, HTTP-POST and HTTP-Redirect single sign-on.</summary>
    public static EntityDescriptor Idp(string entityId = IdpId) => new()
    {
        EntityId = entityId,
        Roles =
        [
            new IdpSsoDescriptor
            {
                WantAuthnRequestsSigned = true,
                KeyDescriptors = [Key(KeyUse.Signing, "stub-idp-signing"), Key(KeyUse.Encryption, "stub-idp-encryption")],
                SingleSignOnServices =
                [
                    new Endpoint { Binding = SamlBindings.HttpRedirect, Location = Host(entityId) + "/sso/redirect" },
                    new Endpoint { Binding = SamlBindings.HttpPost, Location = Host(entityId) + "/sso" },
                ],
            },
        ],
    };

    /// <summary>A matching service, as <c>Verify.MatchingService</c> publishes it: a signing and an encryption key, a SOAP attribute service.</summary>
    public static EntityDescriptor MatchingService(string entityId = MatchingServiceId) => new()
    {
        EntityId = entityId,
        Roles =
        [
            new AttributeAuthorityDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "matching-service-signing"), Key(KeyUse.Encryption, "matching-service-encryption")],
                AttributeServices = [new Endpoint { Binding = SamlBindings.Soap, Location = Host(entityId) + "/SAML2/SOAP/AttributeQuery" }],
            },
        ],
    };

    /// <summary>Matching settings: the matching service above, cycle 3 with a NINO, account creation of three attributes.</summary>
    public static RelyingPartySettings MatchingRpSettings() => RpSettings() with
    {
        MatchingService = new MatchingServiceSettings { Metadata = Bytes(MatchingService()), AccountCreationUrl = AccountCreationUrl },
        Cycle3Attribute = "NationalInsuranceNumber",
        AccountCreationAttributes = ["firstname", "surname", "cycle_3"],
    };

    /// <summary>The hub as IDPs and RPs see it.</summary>
    public static EntityDescriptor HubEntity() => new()
    {
        EntityId = HubId,
        Roles =
        [
            new SpSsoDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "hub-signing"), Key(KeyUse.Encryption, "hub-encryption")],
                AssertionConsumerServices = [Acs(1, "https://hub.test/SAML2/SSO/Response/POST")],
            },
            new IdpSsoDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "hub-signing")],
                SingleSignOnServices = [new Endpoint { Binding = SamlBindings.HttpPost, Location = "https://hub.test/SAML2/SSO" }],
            },
        ],
    };

    public static KeyDescriptor Key(KeyUse use, string stem) => new() { Use = use, Certificates = [SampleCerts.Certificate(stem)] };

    public static IndexedEndpoint Acs(int index, string url) => new() { Binding = SamlBindings.HttpPost, Location = url, Index = index };

    /// <summary>The metadata as a party would send it.</summary>
    public static byte[] Bytes(MetadataDescriptor metadata) => Encoding.UTF8.GetBytes(MetadataWriter.Write(metadata).OuterXml);

    public static RelyingPartySettings RpSettings(params string[] levels) => new() { Levels = levels.Length > 0 ? levels : ["LEVEL_2"] };

    public static IdentityProviderSettings IdpSettings(params string[] levels) => new() { Levels = levels.Length > 0 ? levels : ["LEVEL_1", "LEVEL_2"] };

    public static RelyingPartyRegistration RegisterRp(string entityId = RpId, RelyingPartySettings? settings = null) =>
        RelyingPartyRegistration.FromMetadata(Bytes(Rp(entityId)), settings ?? RpSettings());

    public static IdentityProviderRegistration RegisterIdp(string entityId = IdpId, IdentityProviderSettings? settings = null) =>
        IdentityProviderRegistration.FromMetadata(Bytes(Idp(entityId)), settings ?? IdpSettings());

    /// <summary>The scheme and host of an entity ID: <c>https://rp.test</c>.</summary>
    public static string Host(string entityId) => new Uri(entityId).GetLeftPart(UriPartial.Authority);
}
