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
        const SampleCertificateKind signing = SampleCertificateKind.Signing;
        const SampleCertificateKind encryption = SampleCertificateKind.Encryption;

        return
        [
            new("root-ca", Cn("root-ca"), "federation root CA (trust anchor)", SampleCertificateKind.RootCa, rsa3072, null, SampleValidity.Ca(RootYears)),

            Intermediate("hub-ca", "intermediate CA for the hub"),
            Intermediate("idp-ca", "intermediate CA for identity providers"),
            Intermediate("rp-ca", "intermediate CA for relying parties and matching services"),
            Intermediate("metadata-ca", "intermediate CA for federation metadata signing"),
            Intermediate("tls-ca", "intermediate CA for development TLS servers"),

            Leaf("hub-signing", "hub SAML signing", signing, rsa3072, "hub-ca"),
            Leaf("hub-encryption", "hub SAML encryption", encryption, rsa3072, "hub-ca"),
            Leaf("stub-idp-signing", "stub IDP SAML signing", signing, rsa2048, "idp-ca"),
            Leaf("stub-idp-signing-ecdsa", "stub IDP second SAML signing key (ECDSA)", signing, SampleKeyAlgorithm.EcdsaP256, "idp-ca"),
            Leaf("stub-idp-encryption", "stub IDP SAML encryption", encryption, rsa2048, "idp-ca"),
            Leaf("test-rp-signing", "test RP SAML signing", signing, rsa2048, "rp-ca"),
            Leaf("test-rp-encryption", "test RP SAML encryption", encryption, rsa2048, "rp-ca"),
            Leaf("matching-service-signing", "matching service SAML signing", signing, rsa3072, "rp-ca"),
            Leaf("matching-service-encryption", "matching service SAML encryption", encryption, rsa2048, "rp-ca"),
            Leaf("metadata-signing", "federation metadata signing", signing, rsa3072, "metadata-ca"),
            Leaf("tls", "TLS server for " + string.Join(", ", TlsDnsNames), SampleCertificateKind.TlsServer, rsa2048, "tls-ca"),

            // Negative-test material: each breaks one rule and is otherwise a proper IDP signing certificate.
            Leaf("expired-signing", "NEGATIVE TEST: expired IDP signing", signing, rsa2048, "idp-ca", SampleValidity.Expired),
            Leaf("not-yet-valid-signing", "NEGATIVE TEST: not-yet-valid IDP signing", signing, rsa2048, "idp-ca", SampleValidity.NotYetValid(LeafYears)),
            Leaf("weak-rsa1024-signing", "NEGATIVE TEST: IDP signing with a 1024-bit RSA key", signing, rsa1024, "idp-ca"),
            Leaf("stub-idp-signing-clone", "NEGATIVE TEST: impostor of stub-idp-signing (same subject, issuer and serial; other key)", signing, rsa2048, "idp-ca") with
            {
                CloneOf = "stub-idp-signing",
            },
        ];
    }

    /// <summary>The subject CN names the file, so an operator can go from a certificate to its files.</summary>
    private static string Cn(string name)
    {
        return "Verify sample " + name;
    }

    private static SampleCredentialSpec Intermediate(string name, string role)
    {
        return new(
            name, Cn(name), role, SampleCertificateKind.IntermediateCa, SampleKeyAlgorithm.Rsa(3072), "root-ca", SampleValidity.Ca(IntermediateYears));
    }

    private static SampleCredentialSpec Leaf(
        string name, string role, SampleCertificateKind kind, SampleKeyAlgorithm key, string issuer, SampleValidity? validity = null)
    {
        return new(name, Cn(name), role, kind, key, issuer, validity ?? SampleValidity.Current(LeafYears));
    }
}
