using System.Text;

using Microsoft.AspNetCore.Http;

using Verify.MatchingService.Hosting;
using Verify.Saml.Metadata;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.MatchingService.Metadata;

/// <summary>
/// <c>GET /SAML2/metadata</c>: the matching service's EntityDescriptor (SAML Metadata 2.4.7) with an
/// AttributeAuthorityDescriptor: every signing key (the one in use, and any published for a rollover), every
/// encryption key, and the SOAP attribute service. Unsigned: the hub trusts it through the federation's registration,
/// never through this document. The operator registers it, and republishes it when a key rotates.
/// </summary>
internal static class MatchingServiceMetadata
{
    /// <summary>SAML Metadata 4.1.1: the registered media type.</summary>
    public const string ContentType = "application/samlmetadata+xml";

    /// <summary>How long a copy may be relied on.</summary>
    internal static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public static IResult Handle(MatchingServiceOptions options, MatchingServicePaths paths) =>
        Results.Bytes(Encoding.UTF8.GetBytes(MetadataWriter.Write(Describe(options, paths)).OuterXml), ContentType);

    /// <summary>The EntityDescriptor.</summary>
    public static EntityDescriptor Describe(MatchingServiceOptions options, MatchingServicePaths paths) => new()
    {
        EntityId = options.EntityId,
        ValidUntil = options.TimeProvider.GetUtcNow() + ValidFor,
        Roles =
        [
            new AttributeAuthorityDescriptor
            {
                KeyDescriptors =
                [
                    .. options.PublishedSigningCertificates.Prepend(options.SigningCertificate)
                        .Select(c => new KeyDescriptor { Use = KeyUse.Signing, Certificates = [c] }),
                    .. options.EncryptionCertificates.Select(c => new KeyDescriptor { Use = KeyUse.Encryption, Certificates = [c] }),
                ],
                AttributeServices = [new Saml.Metadata.Endpoint { Binding = SamlBindings.Soap, Location = paths.AttributeQueryUrl }],
                NameIdFormats = [NameIdFormats.Persistent],
            },
        ],
    };
}
