using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Hub.Tests.Oidc.Provider.Support;

/// <summary>Self-signed signing certificates made for a test (a next RSA key, an EC P-256 key), with their private keys.</summary>
internal static class TestSigningCertificates
{
    public static X509Certificate2 Rsa(string name)
    {
        using var key = RSA.Create(2048);
        return Export(new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static X509Certificate2 EcP256(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Export(new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256));
    }

    public static X509Certificate2 EcP384(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return Export(new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA384));
    }

    // Re-imported from PKCS#12 so the private key is usable from any thread, as the hub's loaded keys are.
    private static X509Certificate2 Export(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
