using System.Security.Cryptography;
using System.Xml;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

using Verify.Saml.Xml;

namespace Verify.Benchmarks;

/// <summary>
/// Foundation I: sign and verify a realistic IDP response (~7 KB, two assertions, full matching
/// dataset), ours beside stock <c>SignedXml</c>, with parsing and raw RSA-2048 as floors. Each
/// benchmark runs on one thread, so the mean is the cost on one core and 1/mean the ops/s of one core.
/// </summary>
[Config(typeof(SignatureBenchmarkConfig))]
public class SignatureBenchmarks : IDisposable
{
    private SignatureFixture? _fixture;

    private SignatureFixture Fixture => _fixture ?? throw new InvalidOperationException("GlobalSetup has not run.");

    [GlobalSetup]
    public void Setup()
    {
        if (_fixture is null)
        {
            _fixture = SignatureFixture.Create();
            Console.WriteLine(_fixture.Describe());
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    /// <summary>The full cost the hub pays: parse the received bytes, verify the Response and both assertions.</summary>
    [Benchmark]
    public SignedResponse Ours_Verify_Response() =>
        SignedResponseVerifier.Verify(SecureXml.Load(Fixture.SignedBytes), Fixture.TrustedKeys);

    /// <summary>Response + both assertions on an already parsed DOM (like-for-like with <see cref="Stock_SignedXml_CheckSignature_AllThree"/>).</summary>
    [Benchmark]
    public SignedResponse Ours_Verify_AllThree_OnParsedDom() =>
        SignedResponseVerifier.Verify(Fixture.ParsedSigned, Fixture.TrustedKeys);

    /// <summary>The Response signature only, DOM already parsed.</summary>
    [Benchmark]
    public VerifiedElement Ours_Verify_OneSignature_OnParsedDom() =>
        XmlSignatureVerifier.Verify(Fixture.ParsedSigned.DocumentElement!, Fixture.TrustedKeys);

    /// <summary>Stock: <c>LoadXml</c> + <c>CheckSignature(key)</c> for the Response signature on a parsed XmlDocument.</summary>
    [Benchmark]
    public bool Stock_SignedXml_CheckSignature_Response() =>
        StockSignedXml.CheckResponse(Fixture.StockParsedSigned, Fixture.PublicKey);

    /// <summary>Stock: the Response and both assertion signatures on a parsed XmlDocument.</summary>
    [Benchmark]
    public bool Stock_SignedXml_CheckSignature_AllThree() =>
        StockSignedXml.CheckAllThree(Fixture.StockParsedSigned, Fixture.PublicKey);

    /// <summary>Stock, from bytes: parse (PreserveWhitespace) then all three signatures (like-for-like with <see cref="Ours_Verify_Response"/>).</summary>
    [Benchmark]
    public bool Stock_SignedXml_CheckSignature_AllThree_WithParse() =>
        StockSignedXml.CheckAllThree(StockSignedXml.Parse(Fixture.SignedBytes), Fixture.PublicKey);

    /// <summary>Ours: parse the unsigned bytes, sign both assertions, then the Response.</summary>
    [Benchmark]
    public XmlDocument Ours_Sign_Response() =>
        SignatureFixture.SignOurs(Fixture.UnsignedBytes, Fixture.Credential);

    /// <summary>Stock: parse the unsigned bytes, then the same three signatures with SignedXml.ComputeSignature.</summary>
    [Benchmark]
    public XmlDocument Stock_SignedXml_ComputeSignature() =>
        StockSignedXml.SignResponse(StockSignedXml.Parse(Fixture.UnsignedBytes), Fixture.PrivateKey, Fixture.KeyInfoCertificate);

    /// <summary>Floor: SecureXml.Load of the signed message.</summary>
    [Benchmark]
    public XmlDocument Parse_Only() => SecureXml.Load(Fixture.SignedBytes);

    /// <summary>Floor: one RSA-2048 PKCS#1 v1.5 SHA-256 verification of 32 bytes.</summary>
    [Benchmark]
    public bool Raw_Rsa2048_Verify() =>
        Fixture.PublicKey.VerifyData(Fixture.RawData, Fixture.RawSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>Floor: one RSA-2048 PKCS#1 v1.5 SHA-256 signature of 32 bytes.</summary>
    [Benchmark]
    public byte[] Raw_Rsa2048_Sign() =>
        Fixture.PrivateKey.SignData(Fixture.RawData, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Dispose()
    {
        _fixture?.Dispose();
        _fixture = null;
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// Short job (3 warm-up + 10 measured iterations, one launch) so the whole class runs in a few minutes
/// on 2 shared cores; in-process so the run neither rebuilds src/ (other engineers edit it) nor
/// compiles a generated project under this repository's warnings-as-errors props.
/// </summary>
public class SignatureBenchmarkConfig : ManualConfig
{
    public SignatureBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("short-inproc"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.OperationsPerSecond);
    }
}
