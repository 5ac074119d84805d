using System.Net;

namespace Verify.Pki;

/// <summary>
/// What the sample federation PKI contains, in issuing order (an issuer always comes before what it
/// issues). One root, one intermediate per role, the parties' leaves, a TLS certificate and the
/// negative-test material.
/// </summary>
internal static class SamplePkiPlan
{
    public const int RootYears = 30;
    public const int IntermediateYears = 25;
    public const int LeafYears = 15;

    /// <summary>Host names the development TLS certificate covers (browser tests use distinct hosts).</summary>
    public static IReadOnlyList<string> TlsDnsNames { get; } = ["hub.test", "idp.test", "rp.test", "ms.test", "localhost"];

    /// <summary>Addresses the development TLS certificate covers.</summary>
    public static IReadOnlyList<IPAddress> TlsIpAddresses { get; } = [IPAddress.Loopback, IPAddress.IPv6Loopback];

    public static IReadOnlyList<SampleCredentialSpec> Credentials { get; } = Build();

    private static List<SampleCredentialSpec> Build()
    {
        var rsa1024 = SampleKeyAlgorithm.Rsa(1024);
        var rsa2048 = SampleKeyAlgorithm.Rsa(2048);
        var rsa3072 = SampleKeyAlgorithm.Rsa(3072);
        var ca = SampleValidity.Ca(IntermediateYears);
        var leaf = SampleValidity.Current(LeafYears);

        return
        [
            Root("root-ca", "Verify sample federation root CA", "federation root CA (trust anchor)", rsa3072),

            Intermediate("hub-ca", "Verify sample hub CA", "intermediate CA for the hub", rsa3072, ca),
            Intermediate("idp-ca", "Verify sample IDP CA", "intermediate CA for identity providers", rsa3072, ca),
            Intermediate("rp-ca", "Verify sample RP CA", "intermediate CA for relying parties and matching services", rsa3072, ca),
            Intermediate("metadata-ca", "Verify sample metadata CA", "intermediate CA for federation metadata signing", rsa3072, ca),
            Intermediate("tls-ca", "Verify sample TLS CA", "intermediate CA for development TLS servers", rsa3072, ca),

            new("hub-signing", "Verify sample hub signing", "hub SAML signing", SampleCertificateKind.Signing, rsa3072, "hub-ca", leaf),
            new("hub-encryption", "Verify sample hub encryption", "hub SAML encryption", SampleCertificateKind.Encryption, rsa3072, "hub-ca", leaf),

            new("stub-idp-signing", "Verify sample stub IDP signing", "stub IDP SAML signing", SampleCertificateKind.Signing, rsa2048, "idp-ca", leaf),
            new("stub-idp-signing-ecdsa", "Verify sample stub IDP signing (ECDSA)", "stub IDP second signing key (ECDSA)", SampleCertificateKind.Signing, SampleKeyAlgorithm.EcdsaP256, "idp-ca", leaf),
            new("stub-idp-encryption", "Verify sample stub IDP encryption", "stub IDP SAML encryption", SampleCertificateKind.Encryption, rsa2048, "idp-ca", leaf),

            new("test-rp-signing", "Verify sample test RP signing", "test RP SAML signing", SampleCertificateKind.Signing, rsa2048, "rp-ca", leaf),
            new("test-rp-encryption", "Verify sample test RP encryption", "test RP SAML encryption", SampleCertificateKind.Encryption, rsa2048, "rp-ca", leaf),

            new("matching-service-signing", "Verify sample matching service signing", "matching service SAML signing", SampleCertificateKind.Signing, rsa3072, "rp-ca", leaf),
            new("matching-service-encryption", "Verify sample matching service encryption", "matching service SAML encryption", SampleCertificateKind.Encryption, rsa2048, "rp-ca", leaf),

            new("metadata-signing", "Verify sample metadata signing", "federation metadata signing", SampleCertificateKind.Signing, rsa3072, "metadata-ca", leaf),

            new("tls", "Verify sample development TLS", "TLS server for hub.test, idp.test, rp.test, ms.test, localhost", SampleCertificateKind.TlsServer, rsa2048, "tls-ca", leaf),

            // Negative-test material: each one breaks exactly one rule and is otherwise a proper IDP signing certificate.
            new("expired-signing", "Verify sample expired signing", "NEGATIVE TEST: expired IDP signing", SampleCertificateKind.Signing, rsa2048, "idp-ca", SampleValidity.Expired),
            new("not-yet-valid-signing", "Verify sample not-yet-valid signing", "NEGATIVE TEST: not-yet-valid IDP signing", SampleCertificateKind.Signing, rsa2048, "idp-ca", SampleValidity.NotYetValid(LeafYears)),
            new("weak-rsa1024-signing", "Verify sample weak RSA-1024 signing", "NEGATIVE TEST: IDP signing with a 1024-bit RSA key", SampleCertificateKind.Signing, rsa1024, "idp-ca", leaf),
            new("stub-idp-signing-clone", "(copied from stub-idp-signing)", "NEGATIVE TEST: impostor of stub-idp-signing (same subject, issuer and serial, other key)", SampleCertificateKind.Signing, rsa2048, "idp-ca", leaf, CloneOf: "stub-idp-signing"),
        ];
    }

    private static SampleCredentialSpec Root(string name, string commonName, string role, SampleKeyAlgorithm key)
    {
        return new(name, commonName, role, SampleCertificateKind.RootCa, key, IssuerName: null, SampleValidity.Ca(RootYears));
    }

    private static SampleCredentialSpec Intermediate(string name, string commonName, string role, SampleKeyAlgorithm key, SampleValidity validity)
    {
        return new(name, commonName, role, SampleCertificateKind.IntermediateCa, key, "root-ca", validity);
    }
}
