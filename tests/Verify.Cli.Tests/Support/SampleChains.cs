namespace Verify.Cli.Tests.Support;

/// <summary>
/// What the sample PKI must contain, written down independently of the generator: every in-date
/// certificate with the intermediate it chains through (null: directly under the root), and the
/// negative-test certificates.
/// </summary>
internal static class SampleChains
{
    public static IReadOnlyList<(string Certificate, string? Intermediate)> InDate { get; } =
    [
        ("root-ca", null),
        ("hub-ca", null),
        ("idp-ca", null),
        ("rp-ca", null),
        ("metadata-ca", null),
        ("tls-ca", null),
        ("hub-signing", "hub-ca"),
        ("hub-encryption", "hub-ca"),
        ("stub-idp-signing", "idp-ca"),
        ("stub-idp-signing-ecdsa", "idp-ca"),
        ("stub-idp-encryption", "idp-ca"),
        ("stub-idp-signing-clone", "idp-ca"),
        ("test-rp-signing", "rp-ca"),
        ("test-rp-encryption", "rp-ca"),
        ("matching-service-signing", "rp-ca"),
        ("matching-service-encryption", "rp-ca"),
        ("metadata-signing", "metadata-ca"),
        ("tls", "tls-ca"),
    ];

    /// <summary>Certificates that must fail validation, each for one reason.</summary>
    public static IReadOnlyList<string> Negative { get; } = ["expired-signing", "not-yet-valid-signing", "weak-rsa1024-signing"];

    /// <summary>The host names and addresses browser tests use over TLS.</summary>
    public static IReadOnlyList<string> TlsHosts { get; } = ["hub.test", "idp.test", "rp.test", "ms.test", "localhost"];

    public static IEnumerable<TestCaseData> InDateCases()
    {
        return InDate.Select(chain => new TestCaseData(chain.Certificate, chain.Intermediate).SetArgDisplayNames(chain.Certificate));
    }

    /// <summary>Every certificate stem: in date and negative.</summary>
    public static IEnumerable<string> AllCertificates()
    {
        return InDate.Select(chain => chain.Certificate).Concat(Negative);
    }
}
