using System.Xml;

using Verify.Saml.Metadata;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml.Encryption;

namespace Verify.TestRp;

/// <summary>
/// The test RP's SAML metadata (SAML Metadata 2.4.4): what the hub registers (<c>verify rp add --metadata</c>), and
/// what <c>verify start-dev</c> registers directly. The hub takes the RP's keys and its ACS only from here.
/// </summary>
public static class TestRpMetadata
{
    /// <summary>The metadata of the RP described by <paramref name="options"/>, served at <paramref name="baseUrl"/>.</summary>
    /// <param name="options">The RP's options (validated here).</param>
    /// <param name="baseUrl">The RP's public base URL (an origin, e.g. <c>https://rp.test:50443/</c>).</param>
    /// <returns>An unsigned <c>md:EntityDescriptor</c> document.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static XmlDocument Build(TestRpOptions options, Uri baseUrl) => Build(options, baseUrl, null);

    /// <summary>
    /// The metadata of <paramref name="service"/> (one of <see cref="TestRpOptions.Services"/>): its own entity ID and
    /// name, the RP's keys and ACS; the RP's own registration when null.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static XmlDocument Build(TestRpOptions options, Uri baseUrl, TestRpService? service)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var displayName = service?.DisplayName ?? options.DisplayName;
        var acsUrl = AcsUrl(baseUrl);
        var sp = new SpSsoDescriptor
        {
            // The hub must refuse unsigned requests from us, and we accept only signed assertions.
            AuthnRequestsSigned = true,
            WantAssertionsSigned = true,
            KeyDescriptors =
            [
                new KeyDescriptor { Use = KeyUse.Signing, Certificates = [options.SigningCredential.Certificate!] },
                .. options.DecryptionKeys.Select(key => new KeyDescriptor
                {
                    Use = KeyUse.Encryption,
                    Certificates = [key.Certificate!],

                    // INTEROP.md: AES-GCM for data, RSA-OAEP (mgf1p) for key transport; CBC and PKCS#1 v1.5 never.
                    EncryptionMethods = [XmlEncryptionNames.Aes256Gcm, XmlEncryptionNames.Aes128Gcm, XmlEncryptionNames.RsaOaepMgf1p],
                }),
            ],
            NameIdFormats = [NameIdFormats.Persistent],

            // SAML Metadata 2.2.3: index 0, the default; the only place the hub will post a Response for us.
            AssertionConsumerServices =
            [
                new IndexedEndpoint { Binding = SamlBindings.HttpPost, Location = acsUrl, Index = 0, IsDefault = true },
            ],
        };
        var entity = new EntityDescriptor
        {
            EntityId = service?.EntityId ?? options.EntityId,
            Roles = [sp],
            Organization = new Organization
            {
                Names = [new LocalizedText("en", displayName)],
                DisplayNames = [new LocalizedText("en", displayName)],
                Urls = [new LocalizedText("en", Origin(baseUrl).AbsoluteUri)],
            },
        };
        return MetadataWriter.Write(entity);
    }

    /// <summary>The ACS URL under <paramref name="baseUrl"/>, exactly as the metadata publishes it.</summary>
    internal static string AcsUrl(Uri baseUrl) => new Uri(Origin(baseUrl), TestRpPaths.Acs).AbsoluteUri;

    /// <summary>
    /// The base URL as an origin. The app serves its paths at the root of its host, so a base URL with a path would
    /// publish endpoints it does not serve.
    /// </summary>
    private static Uri Origin(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("https" or "http") || baseUrl.AbsolutePath != "/"
            || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            throw new ArgumentException("The base URL must be an http(s) origin with no path, e.g. https://rp.test:50443/.", nameof(baseUrl));
        }

        return baseUrl;
    }
}
