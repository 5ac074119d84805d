using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Testing;

namespace Verify.Cli.Tests.Support;

/// <summary>Metadata of a fake RP and IDP for the federation commands, with the certs-sample keys.</summary>
internal static class FederationFixtures
{
    public const string RpId = "https://rp.test/saml";
    public const string IdpId = "https://idp.test/saml";

    public static EntityDescriptor Rp() => new()
    {
        EntityId = RpId,
        Roles =
        [
            new SpSsoDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "test-rp-signing"), Key(KeyUse.Encryption, "test-rp-encryption")],
                AssertionConsumerServices = [new IndexedEndpoint { Binding = SamlBindings.HttpPost, Location = "https://rp.test/saml/acs", Index = 0 }],
            },
        ],
    };

    public static EntityDescriptor Idp() => new()
    {
        EntityId = IdpId,
        Roles =
        [
            new IdpSsoDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "stub-idp-signing")],
                SingleSignOnServices = [new Endpoint { Binding = SamlBindings.HttpPost, Location = "https://idp.test/sso" }],
            },
        ],
    };

    public const string MatchingServiceId = "https://ms.test/matching-service";

    /// <summary>A matching service as <c>Verify.MatchingService</c> publishes it.</summary>
    public static EntityDescriptor MatchingServiceMetadata() => new()
    {
        EntityId = MatchingServiceId,
        Roles =
        [
            new AttributeAuthorityDescriptor
            {
                KeyDescriptors = [Key(KeyUse.Signing, "matching-service-signing"), Key(KeyUse.Encryption, "matching-service-encryption")],
                AttributeServices = [new Endpoint { Binding = SamlBindings.Soap, Location = "https://ms.test/SAML2/SOAP/AttributeQuery" }],
            },
        ],
    };

    public static KeyDescriptor Key(KeyUse use, string stem) => new() { Use = use, Certificates = [SampleCerts.Certificate(stem)] };
}
