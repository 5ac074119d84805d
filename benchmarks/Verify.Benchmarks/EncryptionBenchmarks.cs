using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

using BenchmarkDotNet.Attributes;

using Verify.Saml.Bindings;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.Benchmarks;

/// <summary>
/// XML Encryption 1.1 on the same ~7 KB IDP response as <see cref="SignatureBenchmarks"/>: both assertions
/// signed, then encrypted (AES-256-GCM, RSA-OAEP key transport) for the hub, then the Response signed —
/// the IDP's order. The recipient key is <c>certs-sample/test-rp-encryption</c> (RSA 2048) so the RSA
/// floor is comparable with the signature figures.
/// </summary>
[Config(typeof(SignatureBenchmarkConfig))]
public class EncryptionBenchmarks : IDisposable
{
    private readonly SignatureFixture _fixture = SignatureFixture.Create();
    private readonly X509Certificate2 _recipient = LoadRecipient();
    private readonly EncryptionRecipient _encryptFor;
    private readonly DecryptionKey[] _decryptWith;
    private readonly byte[] _encryptedBytes;
    private readonly RSA _privateKey;
    private readonly byte[] _rawWrapped;

    public EncryptionBenchmarks()
    {
        _encryptFor = EncryptionRecipient.FromCertificate(_recipient);
        _decryptWith = [DecryptionKey.FromCertificate(_recipient)];
        _encryptedBytes = SamlMessageEncoding.Serialize(SignEncryptSign().DocumentElement!);
        _privateKey = _recipient.GetRSAPrivateKey()!;
        _rawWrapped = _recipient.GetRSAPublicKey()!.Encrypt(new byte[32], RSAEncryptionPadding.OaepSHA1);

        // A broken setup must not produce pretty numbers.
        var verified = SignedResponseVerifier.Verify(SecureXml.Load(_encryptedBytes), _fixture.TrustedKeys, decryptionKeys: _decryptWith);
        if (verified.Assertions.Count != 2)
        {
            throw new InvalidOperationException("The encrypted benchmark message did not decrypt and verify.");
        }
    }

    /// <summary>Parse the signed response and encrypt both assertions for the recipient.</summary>
    [Benchmark]
    public XmlDocument Ours_Encrypt_BothAssertions()
    {
        var document = SecureXml.Load(_fixture.SignedBytes);
        foreach (var assertion in SignatureFixture.Assertions(document.DocumentElement!))
        {
            XmlEncryptor.EncryptAssertion(assertion, _encryptFor);
        }

        return document;
    }

    /// <summary>Parse the encrypted response and decrypt both assertions in place.</summary>
    [Benchmark]
    public XmlDocument Ours_Decrypt_BothAssertions()
    {
        var document = SecureXml.Load(_encryptedBytes);
        foreach (var encrypted in document.DocumentElement!.GetElementsByTagName("EncryptedAssertion", XmlNames.Saml).OfType<XmlElement>().ToList())
        {
            XmlDecryptor.DecryptAssertion(encrypted, _decryptWith);
        }

        return document;
    }

    /// <summary>What the hub pays for an IDP response: parse, Response signature, decrypt both, both assertion signatures.</summary>
    [Benchmark]
    public SignedResponse Ours_Hub_Parse_Verify_Decrypt_Verify() =>
        SignedResponseVerifier.Verify(SecureXml.Load(_encryptedBytes), _fixture.TrustedKeys, decryptionKeys: _decryptWith);

    /// <summary>The floor: one RSA-OAEP unwrap of a 32-byte key with the recipient's private key.</summary>
    [Benchmark]
    public byte[] Raw_RsaOaep_Decrypt() => _privateKey.Decrypt(_rawWrapped, RSAEncryptionPadding.OaepSHA1);

    private XmlDocument SignEncryptSign()
    {
        var document = SecureXml.Load(_fixture.UnsignedBytes);
        foreach (var assertion in SignatureFixture.Assertions(document.DocumentElement!))
        {
            XmlSigner.Sign(assertion, _fixture.Credential);
            XmlEncryptor.EncryptAssertion(assertion, _encryptFor);
        }

        XmlSigner.Sign(document.DocumentElement!, _fixture.Credential);
        return document;
    }

    private static X509Certificate2 LoadRecipient()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var crt = Path.Combine(directory.FullName, "certs-sample", "test-rp-encryption.crt");
            if (File.Exists(crt))
            {
                return X509Certificate2.CreateFromPemFile(crt, Path.ChangeExtension(crt, ".key"));
            }
        }

        using var rsa = RSA.Create(2048);
        return new CertificateRequest("CN=benchmark recipient", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary><c>--encryption</c>: the same operations in a plain Stopwatch loop, printing µs/op and ops/s.</summary>
    public static int RunQuick(double seconds)
    {
        using var benchmarks = new EncryptionBenchmarks();
        var operations = new (string Name, Action Run)[]
        {
            ("Ours_Encrypt_BothAssertions", () => benchmarks.Ours_Encrypt_BothAssertions()),
            ("Ours_Decrypt_BothAssertions", () => benchmarks.Ours_Decrypt_BothAssertions()),
            ("Ours_Hub_Parse_Verify_Decrypt_Verify", () => benchmarks.Ours_Hub_Parse_Verify_Decrypt_Verify()),
            ("Raw_RsaOaep_Decrypt", () => benchmarks.Raw_RsaOaep_Decrypt()),
        };
        Console.WriteLine($"encryption, {benchmarks._encryptedBytes.Length} bytes encrypted message, recipient RSA {benchmarks._recipient.GetRSAPublicKey()!.KeySize}; load {ResultTable.Load()}");
        Console.WriteLine("| operation | µs/op (median of 9) | ops/s |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (name, run) in operations)
        {
            for (var i = 0; i < 50; i++)
            {
                run();
            }

            var batches = new List<double>();
            for (var batch = 0; batch < 9; batch++)
            {
                var watch = Stopwatch.StartNew();
                var count = 0;
                while (watch.Elapsed.TotalSeconds < seconds / 9)
                {
                    run();
                    count++;
                }

                batches.Add(watch.Elapsed.TotalMicroseconds / count);
            }

            batches.Sort();
            var median = batches[batches.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:F1} | {1_000_000 / median:N0} |"));
        }

        return 0;
    }

    public void Dispose()
    {
        _fixture.Dispose();
        _privateKey.Dispose();
        _recipient.Dispose();
        GC.SuppressFinalize(this);
    }
}
