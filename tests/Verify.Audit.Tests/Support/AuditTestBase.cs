using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.Extensions.Time.Testing;

using Verify.Audit.Checkpoints;
using Verify.Audit.Storage;
using Verify.Audit.Verification;
using Verify.Testing;

namespace Verify.Audit.Tests.Support;

/// <summary>
/// The abstract store suite: each derived fixture runs once per provider (<see cref="Providers.All"/>), each test on a
/// fresh, migrated database with its own checkpoint file. Checkpoints are signed with the sample hub-signing key
/// (RSA, PS256) and verified with its certificate.
/// </summary>
public abstract class AuditTestBase(AuditProvider provider)
{
    private string _folder = "";

    protected AuditProvider Provider { get; } = provider;

    protected FakeTimeProvider Clock { get; } = new(TestEvents.Now);

    protected string CheckpointFile => Path.Combine(_folder, "checkpoints.jsonl");

    protected DatabaseAuditSink Sink { get; private set; } = null!;

    protected DatabaseAuditChain Chain { get; private set; } = null!;

    protected static RSA SigningKey => SampleCerts.RsaKey("hub-signing");

    protected static RSA PublicKey { get; } = SampleCerts.Certificate("hub-signing").GetRSAPublicKey()!;

    internal TestDatabase Database { get; private set; } = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-audit-" + Guid.NewGuid().ToString("N")));
        Database = await TestDatabase.CreateAsync(Provider);
        Sink = new DatabaseAuditSink(Database.Database);
        Chain = new DatabaseAuditChain(Database.Database);
    }

    [TearDown]
    public async Task DeleteDatabase()
    {
        await Database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Appends <paramref name="count"/> events, a second apart.</summary>
    protected async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Sink.AppendAsync(TestEvents.Selected(Clock, i));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    protected Task<AuditCheckpoint> CheckpointAsync() =>
        new AuditCheckpointer(Chain, SigningKey, Clock).WriteCheckpointAsync(CheckpointFile);

    protected async Task<AuditVerificationResult> VerifyAsync()
    {
        if (!File.Exists(CheckpointFile))
        {
            await File.WriteAllTextAsync(CheckpointFile, "");
        }

        return await AuditVerifier.VerifyAsync(Chain, CheckpointFile, PublicKey);
    }
}
