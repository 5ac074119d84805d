using System.Security.Cryptography.X509Certificates;

using Verify.Saml.Trust;

namespace Verify.Cli.StartDev;

/// <summary>
/// The certs-sample keys start-dev uses (development only: production mode refuses them, <c>SampleCertificates</c>).
/// </summary>
internal sealed class DevKeys(string folder)
{
    public X509Certificate2 Public(string stem) => X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, stem + ".crt"));

    public X509Certificate2 WithKey(string stem) =>
        X509Certificate2.CreateFromPemFile(Path.Combine(folder, stem + ".crt"), Path.Combine(folder, stem + ".key")) switch
        {
            // Kestrel and SslStream want a key they can use from any thread on Linux: re-import as PKCS#12.
            var pem => X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null),
        };

    public FederationTrustAnchors TrustAnchors() =>
        new(Public("root-ca"), Public("hub-ca"), Public("idp-ca"), Public("rp-ca"), Public("metadata-ca"));

    public void RequireFolder()
    {
        if (!File.Exists(Path.Combine(folder, "hub-signing.crt")))
        {
            throw new DevFederationException($"No sample keys in '{Path.GetFullPath(folder)}'. Run from the repository root, or give --certs.");
        }
    }
}
