using System.Security.Cryptography.X509Certificates;
using System.Xml;

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
    /// Every certificate in a KeyDescriptor for signing (or with no <c>use</c>, which means both) in any
    /// role of the metadata (SAML Metadata 2.4.1.1).
    /// </summary>
    public static TrustedKeySet FromMetadata(FileInfo metadata)
    {
        var document = SecureXml.Load(File.ReadAllBytes(metadata.FullName), SecureXmlOptions.Metadata);
        var keys = new List<TrustedSigningKey>();
        foreach (XmlElement descriptor in document.GetElementsByTagName("KeyDescriptor", XmlNames.Metadata))
        {
            var use = descriptor.GetAttribute("use");
            if (use.Length > 0 && use != "signing")
            {
                continue;
            }

            foreach (XmlElement certificate in descriptor.GetElementsByTagName("X509Certificate", XmlNames.DSig))
            {
                var der = Convert.FromBase64String(certificate.InnerText);
                keys.Add(TrustedSigningKey.FromCertificate(X509CertificateLoader.LoadCertificate(der)));
            }
        }

        var entityId = document.DocumentElement!.GetAttribute("entityID");
        return new TrustedKeySet(entityId.Length > 0 ? entityId : metadata.Name, keys);
    }
}
