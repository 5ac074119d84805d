using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

using Microsoft.Extensions.Time.Testing;

using Verify.Audit.Chain;
using Verify.Audit.Checkpoints;
using Verify.Audit.Tests.Support;
using Verify.Audit.Verification;
using Verify.Testing;

namespace Verify.Audit.Tests.Checkpoints;

/// <summary>
/// Signed checkpoints outside the database: the verifier trusts only those that verify with the given key, and the
/// checkpointer never signs a chain that no longer extends the last checkpoint.
/// </summary>
public sealed class CheckpointTests
{
    private static readonly string[] Members = ["alg", "hash", "keyId", "sequence", "signature", "type", "writtenAt"];

    private readonly FakeTimeProvider _clock = new(TestEvents.Now);
    private MemoryChain _chain = null!;
    private string _folder = "";

    private static RSA HubKey => SampleCerts.RsaKey("hub-signing");

    private static RSA HubPublicKey { get; } = SampleCerts.Certificate("hub-signing").GetRSAPublicKey()!;

    private string File1 => Path.Combine(_folder, "checkpoints.jsonl");

    [SetUp]
    public void SetUp()
    {
        Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-audit-cp-" + Guid.NewGuid().ToString("N")));
        _chain = new MemoryChain();
        Append(3);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task ACheckpoint_IsOneSignedJsonLine_OfTheHead()
    {
        var checkpoint = await Checkpointer(HubKey).WriteCheckpointAsync(File1);

        var lines = await File.ReadAllLinesAsync(File1);
        var json = JsonNode.Parse(lines.Single())!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(checkpoint.Sequence, Is.EqualTo(3));
            Assert.That(checkpoint.Hash, Is.EqualTo(_chain.Records[^1].Hash));
            Assert.That(checkpoint.Algorithm, Is.EqualTo("PS256"));
            Assert.That(checkpoint.WrittenAt, Is.EqualTo(_clock.GetUtcNow()));
            Assert.That(json.Select(m => m.Key), Is.EqualTo(Members));
            Assert.That((string?)json["type"], Is.EqualTo(AuditCheckpoint.TypeName));
            Assert.That(AuditCheckpoint.Parse(lines[0]), Is.EqualTo(checkpoint));
        });
    }

    [Test]
    public async Task CheckpointsAfterMoreEvents_AllVerify()
    {
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        Append(2);
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);

        var result = await AuditVerifier.VerifyAsync(_chain, File1, HubPublicKey);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsIntact, Is.True, result.Message);
            Assert.That(result.Message, Is.EqualTo("audit chain intact: 5 events, 3 checkpoints"));
        });
    }

    [Test]
    public async Task AnEcdsaP256Key_SignsES256()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var publicKey = AuditCheckpointKeys.ReadPublicKey(key.ExportSubjectPublicKeyInfoPem());

        var checkpoint = await Checkpointer(key).WriteCheckpointAsync(File1);
        var result = await AuditVerifier.VerifyAsync(_chain, File1, publicKey);

        Assert.Multiple(() =>
        {
            Assert.That(checkpoint.Algorithm, Is.EqualTo("ES256"));
            Assert.That(result.IsIntact, Is.True, result.Message);
        });
    }

    [Test]
    public async Task ACheckpointOfTheEmptyChain_Verifies()
    {
        _chain.Records.Clear();

        var checkpoint = await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        Append(1);
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);

        Assert.Multiple(async () =>
        {
            Assert.That(checkpoint.Sequence, Is.Zero);
            Assert.That(checkpoint.Hash, Is.EqualTo(AuditChainHash.Genesis));
            Assert.That((await AuditVerifier.VerifyAsync(_chain, File1, HubPublicKey)).IsIntact, Is.True);
        });
    }

    [Test]
    public async Task AForgedCheckpoint_WithTheRealKeyId_IsRefused()
    {
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        using var attackerKey = RSA.Create(3072);
        var forged = await Checkpointer(attackerKey).WriteCheckpointAsync(Path.Combine(_folder, "attacker.jsonl"));
        await File.AppendAllTextAsync(File1, (forged with { KeyId = AuditCheckpointKeys.KeyId(HubPublicKey) }).ToJsonLine() + "\n");

        var result = await AuditVerifier.VerifyAsync(_chain, File1, HubPublicKey);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsIntact, Is.False);
            Assert.That(result.Problem, Is.EqualTo(AuditProblem.CheckpointSignatureInvalid));
            Assert.That(result.CheckpointLine, Is.EqualTo(2));
            Assert.That(result.Message, Does.StartWith("checkpoint at line 2 refused: its signature does not verify"));
        });
    }

    [Test]
    public async Task ACheckpointSignedByAnotherKey_IsRefused()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await Checkpointer(otherKey).WriteCheckpointAsync(File1);

        var result = await AuditVerifier.VerifyAsync(_chain, File1, HubPublicKey);

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(AuditProblem.CheckpointUnknownKey));
            Assert.That(result.CheckpointLine, Is.EqualTo(1));
        });
    }

    [TestCase("hash")]
    [TestCase("sequence")]
    [TestCase("writtenAt")]
    public async Task ACheckpointAlteredAfterSigning_IsRefused(string member)
    {
        var checkpoint = await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        var altered = member switch
        {
            "hash" => checkpoint with { Hash = _chain.Records[0].Hash },
            "sequence" => checkpoint with { Sequence = 1 },
            _ => checkpoint with { WrittenAt = checkpoint.WrittenAt.AddDays(1) },
        };
        await File.WriteAllTextAsync(File1, altered.ToJsonLine() + "\n");

        var result = await AuditVerifier.VerifyAsync(_chain, File1, HubPublicKey);

        Assert.That(result.Problem, Is.EqualTo(AuditProblem.CheckpointSignatureInvalid));
    }

    [TestCase("not json")]
    [TestCase("{}")]
    [TestCase("""{"alg":"RS256","hash":"00","keyId":"x","sequence":1,"signature":"x","type":"verify-audit-checkpoint","writtenAt":"2026-11-30T09:00:00.000000Z"}""")]
    public async Task ALineThatIsNotACheckpoint_IsRefusedWithItsNumber(string line)
    {
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        await File.AppendAllTextAsync(File1, "\n" + line + "\n");

        var result = await AuditVerifier.VerifyAsync(_chain, File1, HubPublicKey);

        Assert.Multiple(() =>
        {
            Assert.That(result.Problem, Is.EqualTo(AuditProblem.CheckpointUnreadable));
            Assert.That(result.CheckpointLine, Is.EqualTo(3));
        });
    }

    [Test]
    public void AMissingCheckpointFile_IsAnError_NotAPass()
    {
        Assert.ThrowsAsync<FileNotFoundException>(() => AuditVerifier.VerifyAsync(_chain, File1, HubPublicKey));
    }

    [Test]
    public async Task AcrossAKeyRotation_BothKeysVerify()
    {
        using var newKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        Append(1);
        await Checkpointer(newKey).WriteCheckpointAsync(File1);

        var withOldOnly = await AuditVerifier.VerifyAsync(_chain, File1, HubPublicKey);
        var withBoth = await AuditVerifier.VerifyAsync(_chain, File1, [HubPublicKey, newKey]);

        Assert.Multiple(() =>
        {
            Assert.That(withOldOnly.Problem, Is.EqualTo(AuditProblem.CheckpointUnknownKey));
            Assert.That(withBoth.IsIntact, Is.True, withBoth.Message);
        });
    }

    [Test]
    public async Task TheCheckpointer_RefusesToSignARewrittenChain()
    {
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        Rewrite(2);
        Append(1);

        var thrown = Assert.ThrowsAsync<AuditChainBrokenException>(() => Checkpointer(HubKey).WriteCheckpointAsync(File1));

        Assert.Multiple(async () =>
        {
            Assert.That(thrown!.Result!.Problem, Is.EqualTo(AuditProblem.CheckpointMismatch));
            Assert.That(await File.ReadAllLinesAsync(File1), Has.Length.EqualTo(1), "nothing was written");
        });
    }

    [Test]
    public async Task TheCheckpointer_RefusesToSignATruncatedChain()
    {
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        _chain.Records.RemoveAt(2);

        var thrown = Assert.ThrowsAsync<AuditChainBrokenException>(() => Checkpointer(HubKey).WriteCheckpointAsync(File1));

        Assert.That(thrown!.Result!.Problem, Is.EqualTo(AuditProblem.ChainTruncated));
    }

    [Test]
    public async Task TheCheckpointer_RefusesAnEventChangedAfterTheLastCheckpoint()
    {
        await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        Append(3);
        var changed = _chain.Records[4];
        _chain.Records[4] = changed with { EventJson = changed.EventJson.Replace("LEVEL_2", "LEVEL_1", StringComparison.Ordinal) };

        var thrown = Assert.ThrowsAsync<AuditChainBrokenException>(() => Checkpointer(HubKey).WriteCheckpointAsync(File1));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Result!.Problem, Is.EqualTo(AuditProblem.HashMismatch));
            Assert.That(thrown.Result.FirstBadSequence, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task TheCheckpointer_RefusesAFileWhoseLastCheckpointOfItsKeyWasAltered()
    {
        var checkpoint = await Checkpointer(HubKey).WriteCheckpointAsync(File1);
        await File.WriteAllTextAsync(File1, (checkpoint with { Sequence = 2, Hash = _chain.Records[1].Hash }).ToJsonLine() + "\n");

        Assert.ThrowsAsync<InvalidDataException>(() => Checkpointer(HubKey).WriteCheckpointAsync(File1));
    }

    [Test]
    public async Task ALineCutShortByACrash_DoesNotSwallowTheNextCheckpoint()
    {
        await File.WriteAllTextAsync(File1, "{\"alg\":\"PS2");

        await Checkpointer(HubKey).WriteCheckpointAsync(File1).ContinueWith(_ => { }, TaskScheduler.Default);
        var lines = await File.ReadAllLinesAsync(File1);

        Assert.That(lines, Has.Length.EqualTo(1), "the checkpointer refuses a file whose last line is not a checkpoint");
    }

    [Test]
    public void WeakOrOtherKeys_AreRefused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Multiple(() =>
        {
            Assert.Throws<CryptographicException>(() => AuditCheckpointKeys.ReadPrivateKey(File.ReadAllText(SampleCerts.KeyPath("weak-rsa1024-signing"))));
            Assert.Throws<CryptographicException>(() => _ = new AuditCheckpointer(_chain, p384, _clock));
            Assert.Throws<CryptographicException>(() => AuditCheckpointKeys.ReadPrivateKey(File.ReadAllText(SampleCerts.CertificatePath("hub-signing"))));
        });
    }

    [Test]
    public void PublicKeys_AreReadFromACertificate_ASpki_OrAPrivateKey()
    {
        using var fromCertificate = AuditCheckpointKeys.ReadPublicKey(File.ReadAllText(SampleCerts.CertificatePath("hub-signing")));
        using var fromPrivate = AuditCheckpointKeys.ReadPublicKey(File.ReadAllText(SampleCerts.KeyPath("hub-signing")));
        using var fromSpki = AuditCheckpointKeys.ReadPublicKey(HubPublicKey.ExportSubjectPublicKeyInfoPem());
        using var ecdsa = AuditCheckpointKeys.ReadPublicKey(File.ReadAllText(SampleCerts.CertificatePath("stub-idp-signing-ecdsa")));

        var expected = AuditCheckpointKeys.KeyId(HubKey);

        Assert.Multiple(() =>
        {
            Assert.That(AuditCheckpointKeys.KeyId(fromCertificate), Is.EqualTo(expected));
            Assert.That(AuditCheckpointKeys.KeyId(fromPrivate), Is.EqualTo(expected));
            Assert.That(AuditCheckpointKeys.KeyId(fromSpki), Is.EqualTo(expected));
            Assert.That(ecdsa, Is.InstanceOf<ECDsa>());
        });
    }

    private AuditCheckpointer Checkpointer(AsymmetricAlgorithm key) => new(_chain, key, _clock);

    private void Append(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _chain.Append(TestEvents.Selected(_clock, _chain.Records.Count));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>What an attacker with the database does: change one event and recompute every later hash.</summary>
    private void Rewrite(long sequence)
    {
        var previous = sequence == 1 ? AuditChainHash.Genesis : _chain.Records[(int)sequence - 2].Hash;
        for (var i = (int)sequence - 1; i < _chain.Records.Count; i++)
        {
            var record = _chain.Records[i];
            var json = record.Sequence == sequence ? record.EventJson.Replace("LEVEL_2", "LEVEL_4", StringComparison.Ordinal) : record.EventJson;
            var hash = AuditChainHash.Compute(previous, record.Sequence, json);
            _chain.Records[i] = record with { EventJson = json, PreviousHash = previous, Hash = hash };
            previous = hash;
        }
    }
}
