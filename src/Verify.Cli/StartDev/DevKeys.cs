using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Verify.Pki;
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

    /// <summary>
    /// The OpenID Provider's EC P-256 key for ES256 ID tokens (ADR 0021 addendum): made at each start, self-signed and
    /// marked as a sample (<see cref="SampleCertificates.Organization"/>), so production mode would refuse it.
    /// </summary>
    public static X509Certificate2 EphemeralOidcEc()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=hub OIDC ES256 signing, O={SampleCertificates.Organization}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

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
