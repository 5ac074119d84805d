using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Metadata;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Cli.Commands;

/// <summary>Builds the trusted key set for <c>verify saml verify</c> from PEM files or from SAML metadata.</summary>
internal static class TrustedKeys
{
    public static TrustedKeySet FromPemFiles(IEnumerable<FileInfo> files)
    {
        var keys = new List<TrustedSigningKey>();
        foreach (var file in files)
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(file.FullName);
            keys.AddRange(collection.Select(TrustedSigningKey.FromCertificate));
        }

        return new TrustedKeySet("(certificates given on the command line)", keys);
    }

    /// <summary>
    /// Every certificate a KeyDescriptor offers for signing (or with no <c>use</c>, which means both) in any
    /// role of any entity (SAML Metadata 2.4.1.1), read with the library's strict metadata reader. Plain
    /// http endpoints are allowed: integrators debug against development metadata.
    /// </summary>
    public static TrustedKeySet FromMetadata(FileInfo metadata)
    {
        var document = SecureXml.Load(File.ReadAllBytes(metadata.FullName), SecureXmlOptions.Metadata);
        var descriptor = new MetadataReader(new MetadataReaderOptions { RequireHttps = false }).Read(document);
        var keys = descriptor.Entities
            .SelectMany(entity => entity.Roles)
            .SelectMany(role => role.CertificatesFor(KeyUse.Signing))
            .Select(TrustedSigningKey.FromCertificate)
            .ToList();
        var entities = descriptor.Entities.Select(e => e.EntityId).ToList();
        return new TrustedKeySet(entities.Count == 1 ? entities[0] : metadata.Name, keys);
    }
}
