using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

namespace Verify.Hub.Metadata;

/// <summary>
/// The hub's own entity: an IdP to the RPs (SSO over HTTP-POST and HTTP-Redirect, signed requests wanted) and an SP
/// to the IDPs (ACS over HTTP-POST, signing and encryption keys). It goes into the federation metadata the metadata
/// signer signs, and is served on its own, signed by the hub, for RPs that register the hub directly.
/// </summary>
public static class HubMetadata
{
    /// <summary>The hub's entity descriptor for <paramref name="options"/> served at <paramref name="endpoints"/>.</summary>
    public static EntityDescriptor Describe(HubOptions options, HubEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoints);
        var signing = new KeyDescriptor { Use = KeyUse.Signing, Certificates = [PublicOnly(options.SigningCertificate)] };
        var encryption = new KeyDescriptor { Use = KeyUse.Encryption, Certificates = [PublicOnly(options.EncryptionCertificates[0])] };

        // Key rotation (ADR 0021 addendum): the next signing key is published as a second signing KeyDescriptor
        // (SAML metadata 2.4.1.1: several keys of one use are all valid) before it signs anything.
        KeyDescriptor[] signingKeys = options.NextSigningCertificate is { } next
            ? [signing, new KeyDescriptor { Use = KeyUse.Signing, Certificates = [PublicOnly(next)] }]
            : [signing];
        return new EntityDescriptor
        {
            EntityId = options.EntityId,
            Roles =
            [
                new IdpSsoDescriptor
                {
                    WantAuthnRequestsSigned = true,
                    KeyDescriptors = [.. signingKeys],
                    NameIdFormats = [Verify.Saml.Saml.NameIdFormats.Persistent],
                    SingleSignOnServices =
                    [
                        new Endpoint { Binding = SamlBindings.HttpPost, Location = endpoints.SingleSignOn.AbsoluteUri },
                        new Endpoint { Binding = SamlBindings.HttpRedirect, Location = endpoints.SingleSignOn.AbsoluteUri },
                    ],
                },
                new SpSsoDescriptor
                {
                    AuthnRequestsSigned = true,
                    WantAssertionsSigned = true,
                    KeyDescriptors = [.. signingKeys, encryption],
                    NameIdFormats = [Verify.Saml.Saml.NameIdFormats.Persistent],
                    AssertionConsumerServices =
                    [
                        new IndexedEndpoint { Binding = SamlBindings.HttpPost, Location = endpoints.AssertionConsumer.AbsoluteUri, Index = 0, IsDefault = true },
                    ],
                },
            ],
        };
    }

    /// <summary>The hub's metadata document, signed by the hub, valid for <paramref name="validFor"/>.</summary>
    public static XmlDocument SignedDocument(HubOptions options, HubEndpoints endpoints, TimeSpan validFor)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = MetadataWriter.Write(Describe(options, endpoints));
        MetadataSigner.Sign(document, SigningCredential.FromCertificate(options.SigningCertificate), options.TimeProvider.GetUtcNow() + validFor);
        return document;
    }

    private static X509Certificate2 PublicOnly(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
