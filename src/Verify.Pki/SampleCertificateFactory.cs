using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Verify.Pki;

/// <summary>
/// Issues one certificate of the plan with <see cref="CertificateRequest"/>: a fresh key, the subject
/// marked with <see cref="SampleCertificates.Organization"/>, the extensions its kind needs (RFC 5280
/// 4.2.1), and a signature by the issuer's key.
/// </summary>
internal static class SampleCertificateFactory
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>Creates the credential; <paramref name="issuer"/> is null only for the self-signed root.</summary>
    public static SampleCredential Create(
        SampleCredentialSpec spec, SampleCredential? issuer, SampleCredential? original, DateTimeOffset generatedAt)
    {
        var notBefore = spec.Validity.NotBefore(generatedAt);
        var notAfter = spec.Validity.NotAfter(generatedAt);
        if (issuer is not null)
        {
            // RFC 5280 6.1.3 does not nest validity, but a child outliving its CA is a plan mistake.
            EnsureWithin(spec.Name, notBefore, notAfter, issuer.Certificate);
        }

        var key = spec.KeyAlgorithm.CreateKey();
        try
        {
            var publicKey = new PublicKey(key);
            var subject = original?.Certificate.SubjectName ?? BuildSubject(spec.CommonName);
            var request = new CertificateRequest(subject, publicKey, HashAlgorithmName.SHA256);
            AddExtensions(request, spec, publicKey, issuer);

            var signer = SignerFor(issuer?.PrivateKey ?? key);
            var serial = original?.Certificate.SerialNumberBytes.ToArray() ?? NewSerialNumber();
            var certificate = request.Create(
                issuer?.Certificate.SubjectName ?? subject, signer, notBefore, notAfter, serial);
            return new SampleCredential(spec, certificate, key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static X500DistinguishedName BuildSubject(string commonName)
    {
        // The builder encodes the last-added RDN first, so this gives C, O, CN in the DER (and in openssl's output).
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.AddOrganizationName(SampleCertificates.Organization);
        builder.AddCountryOrRegion("GB");
        return builder.Build();
    }

    private static void AddExtensions(
        CertificateRequest request, SampleCredentialSpec spec, PublicKey publicKey, SampleCredential? issuer)
    {
        var extensions = request.CertificateExtensions;
        var subjectKeyIdentifier = new X509SubjectKeyIdentifierExtension(publicKey, critical: false);
        extensions.Add(subjectKeyIdentifier);
        extensions.Add(issuer is null
            ? X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(subjectKeyIdentifier)
            : X509AuthorityKeyIdentifierExtension.CreateFromCertificate(
                issuer.Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        switch (spec.Kind)
        {
            case SampleCertificateKind.RootCa:
            case SampleCertificateKind.IntermediateCa:
                // Root -> intermediate -> leaf: the root allows one CA below it, intermediates none.
                var pathLength = spec.Kind == SampleCertificateKind.RootCa ? 1 : 0;
                extensions.Add(X509BasicConstraintsExtension.CreateForCertificateAuthority(pathLength));
                extensions.Add(KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign));
                break;
            case SampleCertificateKind.Signing:
                extensions.Add(X509BasicConstraintsExtension.CreateForEndEntity(critical: true));
                extensions.Add(KeyUsage(X509KeyUsageFlags.DigitalSignature));
                break;
            case SampleCertificateKind.Encryption:
                extensions.Add(X509BasicConstraintsExtension.CreateForEndEntity(critical: true));
                extensions.Add(KeyUsage(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment));
                break;
            case SampleCertificateKind.TlsServer:
                extensions.Add(X509BasicConstraintsExtension.CreateForEndEntity(critical: true));
                extensions.Add(KeyUsage(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment));
                extensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], critical: false));
                extensions.Add(TlsSubjectAlternativeNames());
                break;
            default:
                throw new InvalidOperationException($"Unknown certificate kind {spec.Kind}.");
        }
    }

    private static X509KeyUsageExtension KeyUsage(X509KeyUsageFlags flags)
    {
        return new X509KeyUsageExtension(flags, critical: true);
    }

    private static X509Extension TlsSubjectAlternativeNames()
    {
        var builder = new SubjectAlternativeNameBuilder();
        foreach (var dnsName in SamplePkiPlan.TlsDnsNames)
        {
            builder.AddDnsName(dnsName);
        }

        foreach (var address in SamplePkiPlan.TlsIpAddresses)
        {
            builder.AddIpAddress(address);
        }

        return builder.Build(critical: false);
    }

    private static X509SignatureGenerator SignerFor(AsymmetricAlgorithm issuerKey)
    {
        return issuerKey switch
        {
            // PKCS#1 v1.5 is the usual RSA certificate signature; the hub's ban on PKCS#1 v1.5 is for key transport.
            RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
            _ => throw new InvalidOperationException($"Unsupported key type {issuerKey.GetType().Name}."),
        };
    }

    private static byte[] NewSerialNumber()
    {
        // RFC 5280 4.1.2.2: positive, at most 20 octets; a set second-highest bit keeps the DER minimal.
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }

    private static void EnsureWithin(string name, DateTimeOffset notBefore, DateTimeOffset notAfter, X509Certificate2 issuer)
    {
        if (notBefore < new DateTimeOffset(issuer.NotBefore) || notAfter > new DateTimeOffset(issuer.NotAfter))
        {
            throw new InvalidOperationException($"The validity of '{name}' is not within its issuer's validity.");
        }
    }
}
