using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;

using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Benchmarks;

/// <summary>
/// Everything the signature benchmarks share: one RSA-2048 signing certificate, the unsigned and the
/// signed message (signed by our <see cref="XmlSigner"/>), the parsed trusted key, and a stock
/// <c>SignedXml</c> view of the same message. <see cref="Create"/> checks that every path it measures
/// actually succeeds, so a broken setup cannot produce pretty numbers.
/// </summary>
public sealed class SignatureFixture : IDisposable
{
    private SignatureFixture(X509Certificate2 signingCertificate, string keySource, bool keyInfo)
    {
        SigningCertificate = signingCertificate;
        KeySource = keySource;
        KeyInfo = keyInfo;
        Credential = keyInfo
            ? SigningCredential.FromCertificate(signingCertificate)
            : SigningCredential.FromKey(signingCertificate.GetRSAPrivateKey()!);
        PrivateKey = signingCertificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The signing certificate has no RSA private key.");

        // What a relying hub holds: the public certificate only, parsed once.
        PublicCertificate = X509CertificateLoader.LoadCertificate(signingCertificate.RawData);
        PublicKey = PublicCertificate.GetRSAPublicKey() ?? throw new InvalidOperationException("Not an RSA certificate.");
        TrustedKeys = TrustedKeySet.For(BenchmarkMessage.IdpEntityId, TrustedSigningKey.FromCertificate(PublicCertificate));

        UnsignedBytes = Encoding.UTF8.GetBytes(BenchmarkMessage.UnsignedXml);
        SignedBytes = Encoding.UTF8.GetBytes(SignOurs(UnsignedBytes, Credential).OuterXml);
        StockSignedBytes = Encoding.UTF8.GetBytes(StockSignedXml.SignResponse(StockSignedXml.Parse(UnsignedBytes), PrivateKey, keyInfo ? signingCertificate : null).OuterXml);

        ParsedSigned = SecureXml.Load(SignedBytes);
        StockParsedSigned = StockSignedXml.Parse(SignedBytes);
        RawData = SHA256.HashData(SignedBytes);
        RawSignature = PrivateKey.SignData(RawData, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Check();
    }

    public string KeySource { get; }

    /// <summary>Whether each signature carries the certificate in KeyInfo (adds ~1.2 KB per signature).</summary>
    public bool KeyInfo { get; }

    /// <summary>The certificate stock SignedXml puts in KeyInfo, or null when <see cref="KeyInfo"/> is off.</summary>
    public X509Certificate2? KeyInfoCertificate => KeyInfo ? SigningCertificate : null;

    public X509Certificate2 SigningCertificate { get; }

    public X509Certificate2 PublicCertificate { get; }

    public SigningCredential Credential { get; }

    /// <summary>The private key, for stock SignedXml and the raw RSA floor.</summary>
    public RSA PrivateKey { get; }

    /// <summary>The public key, parsed once, for stock SignedXml and the raw RSA floor.</summary>
    public RSA PublicKey { get; }

    public TrustedKeySet TrustedKeys { get; }

    public byte[] UnsignedBytes { get; }

    /// <summary>The message as the hub receives it: signed by our signer (response + both assertions).</summary>
    public byte[] SignedBytes { get; }

    /// <summary>The same message signed by stock SignedXml (used only to check interop both ways).</summary>
    public byte[] StockSignedBytes { get; }

    /// <summary><see cref="SignedBytes"/> parsed once by <see cref="SecureXml"/>.</summary>
    public XmlDocument ParsedSigned { get; }

    /// <summary><see cref="SignedBytes"/> parsed once into a plain XmlDocument (PreserveWhitespace) for stock SignedXml.</summary>
    public XmlDocument StockParsedSigned { get; }

    /// <summary>32 bytes for the raw RSA floor.</summary>
    public byte[] RawData { get; }

    public byte[] RawSignature { get; }

    /// <summary>
    /// Loads <c>certs-sample/stub-idp-signing.crt/.key</c> when present (searched upward from the working directory), otherwise makes an RSA-2048 self-signed certificate in memory.
    /// Signatures carry no KeyInfo (the hub verifies with the keys registered for the IDP, never KeyInfo), which keeps the message at the ~7–9 KB of the issue;
    /// set <c>VERIFY_BENCH_KEYINFO=1</c> to put the certificate in every KeyInfo, as OpenSAML IDPs often do (~12 KB).
    /// </summary>
    public static SignatureFixture Create() =>
        Create(Environment.GetEnvironmentVariable("VERIFY_BENCH_KEYINFO") is "1" or "true");

    public static SignatureFixture Create(bool keyInfo)
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var crt = Path.Combine(directory.FullName, "certs-sample", "stub-idp-signing.crt");
            var key = Path.Combine(directory.FullName, "certs-sample", "stub-idp-signing.key");
            if (File.Exists(crt) && File.Exists(key))
            {
                var loaded = X509Certificate2.CreateFromPemFile(crt, key);
                if (loaded.GetRSAPublicKey() is { KeySize: 2048 })
                {
                    return new SignatureFixture(loaded, crt, keyInfo);
                }

                loaded.Dispose();
                break;
            }
        }

        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName("CN=Stub IDP One Signing, O=Verify Benchmarks, C=GB"), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return new SignatureFixture(certificate, "RSA-2048 self-signed, generated in memory", keyInfo);
    }

    /// <summary>What <c>Ours_Sign_Response</c> measures: parse the unsigned bytes, sign both assertions, then the Response.</summary>
    public static XmlDocument SignOurs(byte[] unsignedXml, SigningCredential credential)
    {
        var document = SecureXml.Load(unsignedXml);
        var root = document.DocumentElement!;
        foreach (var assertion in Assertions(root))
        {
            XmlSigner.Sign(assertion, credential);
        }

        XmlSigner.Sign(root, credential);
        return document;
    }

    /// <summary>The saml:Assertion children of a Response, in document order (snapshotted before signing inserts nodes).</summary>
    public static List<XmlElement> Assertions(XmlElement response)
    {
        var result = new List<XmlElement>(2);
        foreach (XmlNode child in response.ChildNodes)
        {
            if (child is XmlElement { LocalName: "Assertion", NamespaceURI: XmlNames.Saml } assertion)
            {
                result.Add(assertion);
            }
        }

        return result;
    }

    /// <summary>One line for the logs: message sizes, key, checks passed.</summary>
    public string Describe() =>
        $"// message: {SignedBytes.Length} bytes signed ({UnsignedBytes.Length} unsigned), 2 assertions, 3 RSA-SHA256 signatures{(KeyInfo ? " with KeyInfo certificates" : ", no KeyInfo")}; key: {KeySource}; setup checks passed (ours verifies, stock CheckSignature true, both refuse a tampered message)";

    /// <summary>Fails loudly unless every measured path verifies, and both signers' output is accepted by both verifiers.</summary>
    private void Check()
    {
        Require(SignedBytes.Length > 6_000 && SignedBytes.Length < (KeyInfo ? 14_000 : 10_000), $"the signed message should be about 7–9 KB (~12 KB with KeyInfo), it is {SignedBytes.Length} bytes");

        foreach (var (name, bytes) in new[] { ("our signature", SignedBytes), ("stock signature", StockSignedBytes) })
        {
            var ours = SignedResponseVerifier.Verify(SecureXml.Load(bytes), TrustedKeys);
            Require(ours.Response is not null && ours.Assertions.Count == 2, $"our verifier must verify the response and both assertions ({name})");

            var stock = StockSignedXml.Parse(bytes);
            Require(StockSignedXml.CheckAllThree(stock, PublicKey), $"stock CheckSignature must accept all three signatures ({name})");
        }

        Require(XmlSignatureVerifier.Verify(ParsedSigned.DocumentElement!, TrustedKeys).Element == ParsedSigned.DocumentElement, "our one-signature verify");
        Require(StockSignedXml.CheckResponse(StockParsedSigned, PublicKey), "stock CheckSignature on the Response");

        // A tampered message must fail both ways, or the verifiers are not checking anything.
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SignedBytes).Replace(">Jane<", ">Joan<", StringComparison.Ordinal));
        Require(!tampered.AsSpan().SequenceEqual(SignedBytes), "tampering changed nothing");
        Require(!StockSignedXml.CheckAllThree(StockSignedXml.Parse(tampered), PublicKey), "stock CheckSignature must refuse a tampered message");
        var refused = false;
        try
        {
            SignedResponseVerifier.Verify(SecureXml.Load(tampered), TrustedKeys);
        }
        catch (Verify.Saml.Errors.SamlException)
        {
            refused = true;
        }

        Require(refused, "our verifier must refuse a tampered message");
        Require(PublicKey.VerifyData(RawData, RawSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), "raw RSA verify");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark setup check failed: " + what);
        }
    }

    public void Dispose()
    {
        Credential.Dispose();
        PrivateKey.Dispose();
        PublicKey.Dispose();
        foreach (var key in TrustedKeys.Keys)
        {
            key.Dispose();
        }

        PublicCertificate.Dispose();
        SigningCertificate.Dispose();
    }
}
