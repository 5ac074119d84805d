using System.Text;

using Microsoft.AspNetCore.Http;

using Verify.Saml.Metadata;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.StubIdp.Hosting;

namespace Verify.StubIdp.Metadata;

/// <summary>
/// <c>GET /{slug}/SAML2/metadata</c>: the white-labelled IDP's EntityDescriptor (SAML Metadata 2.4.3), for operators
/// and tools that onboard it. Unsigned: the hub trusts IDPs through the signed federation metadata, never through
/// this document.
/// </summary>
internal static class StubIdpMetadata
{
    /// <summary>SAML Metadata 4.1.1: the registered media type.</summary>
    public const string ContentType = "application/samlmetadata+xml";

    /// <summary>How long a copy may be relied on.</summary>
    internal static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    /// <summary>The endpoint handler.</summary>
    public static IResult Handle(string slug, StubIdpOptions options, StubIdpUrls urls)
    {
        var idp = options.FindIdp(slug);
        if (idp is null)
        {
            return Results.NotFound();
        }

        var xml = MetadataWriter.Write(Describe(idp, options, urls)).OuterXml;
        return Results.Bytes(Encoding.UTF8.GetBytes(xml), ContentType);
    }

    /// <summary>The EntityDescriptor of <paramref name="idp"/>.</summary>
    public static EntityDescriptor Describe(WhiteLabelIdp idp, StubIdpOptions options, StubIdpUrls urls)
    {
        var sso = urls.SingleSignOn(idp);
        return new EntityDescriptor
        {
            EntityId = idp.EntityId,
            ValidUntil = options.TimeProvider.GetUtcNow() + ValidFor,
            Roles =
            [
                new IdpSsoDescriptor
                {
                    // The hub's requests must be signed: unsigned ones are refused (SAML Metadata 2.4.3).
                    WantAuthnRequestsSigned = true,
                    KeyDescriptors = [new KeyDescriptor { Use = KeyUse.Signing, Certificates = [options.SigningCertificate] }],
                    NameIdFormats = [NameIdFormats.Persistent],
                    SingleSignOnServices =
                    [
                        new Saml.Metadata.Endpoint { Binding = SamlBindings.HttpPost, Location = sso },
                        new Saml.Metadata.Endpoint { Binding = SamlBindings.HttpRedirect, Location = sso },
                    ],
                },
            ],
            Organization = new Organization
            {
                Names = [new LocalizedText("en", idp.DisplayName)],
                DisplayNames = [new LocalizedText("en", idp.DisplayName)],
                Urls = [new LocalizedText("en", urls.BaseUrl.AbsoluteUri)],
            },
        };
    }
}
