using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Trust;
using Verify.Testing;

namespace Verify.Saml.Tests.Trust;

/// <summary>
/// The committed sample federation PKI (<c>certs-sample/</c>) as trust anchors, a clock inside every sample
/// certificate's validity, and certificates issued at test time: under a sample CA (whose keys are committed), or
/// under a root of another federation.
/// </summary>
internal static class TestPki
{
    private static readonly Lazy<(X509Certificate2 Root, X509Certificate2 Ca)> LazyOtherFederation = new(CreateOtherFederation);

    /// <summary>
    /// A month after the sample leaves were issued: every sample certificate is in date except the two made not to
    /// be. Derived from the files, so it stays right when the sample PKI is regenerated.
    /// </summary>
    public static DateTimeOffset Now => new DateTimeOffset(SampleCerts.Certificate("metadata-signing").NotBefore.ToUniversalTime()).AddDays(30);

    /// <summary>A clock at <see cref="Now"/>.</summary>
    public static FakeTimeProvider Clock() => new(Now);

    /// <summary>A sample certificate, public part only (shared: do not dispose).</summary>
    public static X509Certificate2 Cert(string stem) => SampleCerts.Certificate(stem);

    /// <summary>The sample root with every role CA, and the given CRLs.</summary>
    public static FederationTrustAnchors Anchors(params CertificateRevocationList[] revocationLists) => new(
        Cert("root-ca"),
        hubCa: Cert("hub-ca"),
        identityProviderCa: Cert("idp-ca"),
        relyingPartyCa: Cert("rp-ca"),
        metadataCa: Cert("metadata-ca"),
        revocationLists: revocationLists);

    /// <summary>A PKIX policy over the sample anchors at <see cref="Now"/>.</summary>
    public static TrustPolicy Policy(params CertificateRevocationList[] revocationLists) => new(Clock(), Anchors(revocationLists));

    /// <summary>A leaf issued now by the sample CA <paramref name="caStem"/>, with its private key.</summary>
    public static X509Certificate2 Issue(
        string caStem,
        string commonName,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature,
        int bits = 2048) =>
        IssueUnder(SampleCerts.CertificateWithKey(caStem), commonName, notBefore ?? Now.AddDays(-1), notAfter ?? Now.AddYears(1), usage, bits);

    /// <summary>
    /// A leaf under another federation whose intermediate carries the sample <c>idp-ca</c>'s exact name: only a
    /// check of the certificate itself, not its name, tells it apart.
    /// </summary>
    public static X509Certificate2 IssueUnderOtherRoot(string commonName) =>
        IssueUnder(LazyOtherFederation.Value.Ca, commonName, Now.AddDays(-1), Now.AddYears(1), X509KeyUsageFlags.DigitalSignature, 2048);

    /// <summary>The root of that other federation.</summary>
    public static X509Certificate2 OtherRoot => LazyOtherFederation.Value.Root;

    /// <summary>A self-signed certificate with the given subject, e.g. a look-alike of a sample one.</summary>
    public static X509Certificate2 SelfSigned(X500DistinguishedName subject, DateTimeOffset notBefore, DateTimeOffset notAfter, int bits = 2048)
    {
        using var rsa = RSA.Create(bits);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private static X509Certificate2 IssueUnder(X509Certificate2 ca, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, X509KeyUsageFlags usage, int bits)
    {
        using var rsa = RSA.Create(bits);
        var subject = new X500DistinguishedName($"C=GB, O=Verify sample federation (development only), CN={commonName}");
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca, notBefore, notAfter, serial);
        return certificate.CopyWithPrivateKey(rsa);
    }

    private static (X509Certificate2 Root, X509Certificate2 Ca) CreateOtherFederation()
    {
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest(Cert("root-ca").SubjectName, rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, critical: true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, critical: false));
        var root = rootRequest.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(10));

        var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest(Cert("idp-ca").SubjectName, caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        using var ca = caRequest.Create(root, Now.AddYears(-1), Now.AddYears(5), [0x42]);
        return (root, ca.CopyWithPrivateKey(caKey));
    }
}
