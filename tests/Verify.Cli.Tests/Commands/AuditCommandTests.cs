using Microsoft.Data.Sqlite;

using Verify.Audit;
using Verify.Audit.Chain;
using Verify.Audit.Events;
using Verify.Audit.Storage;
using Verify.Cli.Tests.Support;
using Verify.Testing;

namespace Verify.Cli.Tests.Commands;

/// <summary><c>verify audit verify|checkpoint</c> against a SQLite audit trail in a temporary folder, signed with the sample hub-signing key.</summary>
public sealed class AuditCommandTests
{
    private static readonly string[] DropTriggers = ["DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"];

    private string _folder = "";

    private string DatabaseFile => Path.Combine(_folder, "audit.db");

    private string Connection => $"Data Source={DatabaseFile}";

    private string Checkpoints => Path.Combine(_folder, "checkpoints.jsonl");

    [SetUp]
    public async Task CreateTrail()
    {
        Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-cli-audit-" + Guid.NewGuid().ToString("N")));
        var database = AuditDatabase.Create(AuditProvider.Sqlite, Connection);
        await database.MigrateAsync();
        await AppendAsync(3);
    }

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Checkpoint_ThenVerify_ReportsTheChainIntact()
    {
        var checkpoint = Checkpoint();
        var verify = Verify();

        Assert.Multiple(() =>
        {
            Assert.That(checkpoint.ExitCode, Is.Zero, checkpoint.Error);
            Assert.That(checkpoint.Output, Does.StartWith("checkpoint written: event 3, hash ").And.Contain("PS256"));
            Assert.That(File.ReadAllLines(Checkpoints), Has.Length.EqualTo(1));
            Assert.That(verify.ExitCode, Is.Zero, verify.Error);
            Assert.That(verify.Output.Trim(), Is.EqualTo("audit chain intact: 3 events, 1 checkpoint"));
            Assert.That(verify.Error, Is.Empty);
        });
    }

    [Test]
    public async Task Verify_AfterAnEventWasChanged_NamesTheFirstBadEvent()
    {
        Checkpoint();
        await TamperAsync("UPDATE audit_events SET event_json = replace(event_json, 'LEVEL_2', 'LEVEL_1') WHERE sequence = 2");

        var verify = Verify();

        Assert.Multiple(() =>
        {
            Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(verify.Error, Does.Contain("TAMPERED (HashMismatch): first bad event 2: its hash does not match its content"));
            Assert.That(verify.Output, Is.Empty);
        });
    }

    [Test]
    public async Task Verify_AfterTheChainWasRecomputed_IsCaughtByTheCheckpoint()
    {
        Checkpoint();
        await RewriteAndRecomputeAsync(1);

        var verify = Verify();

        Assert.Multiple(() =>
        {
            Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(verify.Error, Does.Contain("TAMPERED (CheckpointMismatch)").And.Contain("an event from 1 to 3 was rewritten"));
        });
    }

    [Test]
    public async Task Checkpoint_AfterTheChainWasRecomputed_IsRefused_AndWritesNothing()
    {
        Checkpoint();
        await RewriteAndRecomputeAsync(2);

        var again = Checkpoint();

        Assert.Multiple(() =>
        {
            Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(again.Error, Does.Contain("refused:").And.Contain("was rewritten"));
            Assert.That(File.ReadAllLines(Checkpoints), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Verify_WithAnotherPublicKey_IsRefused()
    {
        Checkpoint();

        var verify = Verify("--public-key", SampleCerts.CertificatePath("metadata-signing"));

        Assert.Multiple(() =>
        {
            Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(verify.Error, Does.Contain("checkpoint at line 1 refused: signed by key").And.Contain("not the public key given"));
        });
    }

    [Test]
    public void Verify_WithoutCheckpoints_Passes_ButWarns()
    {
        File.WriteAllText(Checkpoints, "");

        var verify = Verify();

        Assert.Multiple(() =>
        {
            Assert.That(verify.ExitCode, Is.Zero, verify.Error);
            Assert.That(verify.Output.Trim(), Is.EqualTo("audit chain intact: 3 events, 0 checkpoints"));
            Assert.That(verify.Error, Does.Contain("warning: there are no checkpoints"));
        });
    }

    [Test]
    public void Verify_WithoutADatabase_Fails_AndCreatesNone()
    {
        File.WriteAllText(Checkpoints, "");
        var missing = Path.Combine(_folder, "missing.db");

        var verify = CliRun.InProcess("audit", "verify", "--checkpoints", Checkpoints, "--public-key", SampleCerts.CertificatePath("hub-signing"), "--connection", $"Data Source={missing}");

        Assert.Multiple(() =>
        {
            Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(verify.Error, Does.Contain("There is no audit database at"));
            Assert.That(File.Exists(missing), Is.False);
        });
    }

    [Test]
    public void Verify_WithoutACheckpointFile_IsAUsageError()
    {
        var verify = Verify();

        Assert.Multiple(() =>
        {
            Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(verify.Error, Does.Contain("does not exist (for --checkpoints FILE"));
        });
    }

    [Test]
    public void Verify_WithoutAPublicKey_OrWithAnUnknownProvider_IsAUsageError()
    {
        File.WriteAllText(Checkpoints, "");

        var noKey = CliRun.InProcess("audit", "verify", "--checkpoints", Checkpoints, "--connection", Connection);
        var badProvider = Verify("--provider", "mysql");

        Assert.Multiple(() =>
        {
            Assert.That(noKey.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(noKey.Error, Does.Contain("--public-key PEM"));
            Assert.That(badProvider.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(badProvider.Error, Does.Contain("Unknown provider 'mysql'"));
        });
    }

    [Test]
    public void Checkpoint_WithAWeakKey_Fails()
    {
        var checkpoint = CliRun.InProcess("audit", "checkpoint", "--key", SampleCerts.KeyPath("weak-rsa1024-signing"), "--checkpoints", Checkpoints, "--connection", Connection);

        Assert.Multiple(() =>
        {
            Assert.That(checkpoint.ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(checkpoint.Error, Does.Contain("at least 2048 bits"));
            Assert.That(File.Exists(Checkpoints), Is.False);
        });
    }

    private CliRun Checkpoint() =>
        CliRun.InProcess("audit", "checkpoint", "--key", SampleCerts.KeyPath("hub-signing"), "--checkpoints", Checkpoints, "--connection", Connection, "--provider", "sqlite");

    /// <summary><c>verify audit verify</c> with the hub-signing certificate unless <paramref name="extra"/> names another key.</summary>
    private CliRun Verify(params string[] extra) =>
        CliRun.InProcess(["audit", "verify", "--checkpoints", Checkpoints, "--connection", Connection, .. extra.Contains("--public-key") ? extra : ["--public-key", SampleCerts.CertificatePath("hub-signing"), .. extra]]);

    private async Task AppendAsync(int count)
    {
        var hasher = new AuditHasher([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        var sink = new DatabaseAuditSink(AuditDatabase.Create(AuditProvider.Sqlite, Connection));
        for (var i = 0; i < count; i++)
        {
            await sink.AppendAsync(new IdpSelected
            {
                Stamp = AuditStamp.Create(TimeProvider.System),
                Journey = hasher.Journey("journey-" + i),
                RelyingParty = AuditEntityId.Parse("https://rp.test/saml"),
                IdentityProvider = AuditEntityId.Parse("https://idp.test/saml"),
                RequestedLevel = AssuranceLevel.Level2,
            });
        }
    }

    /// <summary>Runs SQL as someone with the file would: the append-only triggers dropped first.</summary>
    private async Task TamperAsync(params string[] statements)
    {
        await using var connection = new SqliteConnection(Connection);
        await connection.OpenAsync();
        foreach (var sql in DropTriggers.Concat(statements))
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test SQL.
            command.CommandText = sql;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Changes event <paramref name="sequence"/> and recomputes every later hash, so the chain alone looks whole.</summary>
    private async Task RewriteAndRecomputeAsync(long sequence)
    {
        var rows = new List<AuditRecord>();
        await foreach (var row in new DatabaseAuditChain(AuditDatabase.Create(AuditProvider.Sqlite, Connection)).ReadAsync())
        {
            rows.Add(row);
        }

        var statements = new List<string>();
        var previous = sequence == 1 ? AuditChainHash.Genesis : rows[(int)sequence - 2].Hash;
        foreach (var row in rows.Where(r => r.Sequence >= sequence))
        {
            var json = row.Sequence == sequence ? row.EventJson.Replace("LEVEL_2", "LEVEL_4", StringComparison.Ordinal) : row.EventJson;
            var hash = AuditChainHash.Compute(previous, row.Sequence, json);
            statements.Add($"UPDATE audit_events SET event_json = '{json}', previous_hash = '{previous}', hash = '{hash}' WHERE sequence = {row.Sequence}");
            previous = hash;
        }

        await TamperAsync([.. statements]);
    }
}
