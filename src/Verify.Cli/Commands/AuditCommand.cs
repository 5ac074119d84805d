using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Verify.Audit.Checkpoints;
using Verify.Audit.Storage;
using Verify.Audit.Verification;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify audit</c>: the tamper-evident audit trail (src/Verify.Audit/README.md).
/// <c>verify audit verify --checkpoints FILE --public-key PEM</c> recomputes the chain from event 1 against the signed
/// checkpoints and names the first bad event (exit 3); <c>verify audit checkpoint --key PEM --checkpoints FILE</c>
/// signs the chain's head and appends it to the checkpoint file. Neither writes to the database nor migrates it.
/// </summary>
internal sealed class AuditCommand(TimeProvider timeProvider) : ICommandFactory
{
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    private readonly Option<string> _connection = new("--connection")
    {
        Description = "The audit database's connection string (default: the start-dev SQLite file).",
        HelpName = "CONN",
        DefaultValueFactory = _ => AuditDatabase.DefaultSqliteConnection,
    };

    private readonly Option<string> _provider = new("--provider")
    {
        Description = "The audit database: sqlite (start-dev) or postgres.",
        HelpName = "sqlite|postgres",
        DefaultValueFactory = _ => "sqlite",
    };

    private readonly Option<FileInfo?> _checkpoints = new("--checkpoints")
    {
        Description = "The checkpoint file (signed chain heads, one JSON line each), kept outside the database.",
        HelpName = "FILE",
    };

    /// <inheritdoc />
    public Command Create()
    {
        var audit = new Command("audit", "The tamper-evident audit trail: verify the chain against signed checkpoints, write checkpoints.");
        audit.Subcommands.Add(CreateVerify());
        audit.Subcommands.Add(CreateCheckpoint());
        return audit;
    }

    private Command CreateVerify()
    {
        var publicKeys = new Option<FileInfo[]>("--public-key")
        {
            Description = "The checkpoint-signing public key or certificate (PEM); repeat it across a key rotation.",
            HelpName = "PEM",
        };
        var verify = new Command("verify", "Recompute the audit chain from event 1, check every signed checkpoint, and name the first bad event (exit 3).")
        {
            _checkpoints,
            publicKeys,
            _connection,
            _provider,
        };
        verify.SetAction((parseResult, cancellationToken) => RunAsync("audit verify", parseResult.InvocationConfiguration.Error, async () =>
        {
            var checkpointFile = Required(parseResult.GetValue(_checkpoints), "--checkpoints FILE (the signed checkpoints)");
            var keyFiles = parseResult.GetValue(publicKeys) ?? [];
            if (keyFiles.Length == 0)
            {
                throw new CliUsageException("--public-key PEM (the checkpoint-signing public key or certificate) is required.");
            }

            var keys = keyFiles.Select(f => AuditCheckpointKeys.ReadPublicKey(File.ReadAllText(Required(f, "--public-key PEM").FullName))).ToList();
            try
            {
                var chain = new DatabaseAuditChain(Open(parseResult));
                var result = await AuditVerifier.VerifyAsync(chain, checkpointFile.FullName, keys, cancellationToken).ConfigureAwait(false);
                return await ReportAsync(result, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error).ConfigureAwait(false);
            }
            finally
            {
                keys.ForEach(k => k.Dispose());
            }
        }));
        return verify;
    }

    private Command CreateCheckpoint()
    {
        var key = new Option<FileInfo?>("--key") { Description = "The checkpoint-signing private key (PEM): ECDSA P-256 or RSA of 2048 bits or more.", HelpName = "PEM" };
        var checkpoint = new Command("checkpoint", "Sign the audit chain's head and append it to the checkpoint file (refused if the chain no longer extends the last checkpoint).")
        {
            key,
            _checkpoints,
            _connection,
            _provider,
        };
        checkpoint.SetAction((parseResult, cancellationToken) => RunAsync("audit checkpoint", parseResult.InvocationConfiguration.Error, async () =>
        {
            var keyFile = Required(parseResult.GetValue(key), "--key PEM (the checkpoint-signing private key)");
            var checkpointFile = parseResult.GetValue(_checkpoints) ?? throw new CliUsageException("--checkpoints FILE (where checkpoints are appended) is required.");
            using var signingKey = AuditCheckpointKeys.ReadPrivateKey(File.ReadAllText(keyFile.FullName));
            var checkpointer = new AuditCheckpointer(new DatabaseAuditChain(Open(parseResult)), signingKey, _timeProvider);
            var written = await checkpointer.WriteCheckpointAsync(checkpointFile.FullName, cancellationToken).ConfigureAwait(false);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"checkpoint written: event {written.Sequence}, hash {written.Hash}, {written.Algorithm} key {written.KeyId}, to {checkpointFile.FullName}")).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return checkpoint;
    }

    /// <summary>The database, never created or migrated here: verifying must not change what it verifies.</summary>
    private AuditDatabase Open(ParseResult parseResult)
    {
        var providerName = parseResult.GetRequiredValue(_provider);
        if (!AuditDatabase.TryParseProvider(providerName, out var provider))
        {
            throw new CliUsageException($"Unknown provider '{providerName}': use --provider sqlite or --provider postgres.");
        }

        var connection = parseResult.GetRequiredValue(_connection);
        if (provider == AuditProvider.Sqlite)
        {
            // Opening a SQLite file that does not exist would create an empty one, and an empty chain "verifies".
            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            if (file != ":memory:" && !File.Exists(file))
            {
                throw new FileNotFoundException($"There is no audit database at '{Path.GetFullPath(file)}'. Check --connection.", file);
            }
        }

        return AuditDatabase.Create(provider, connection);
    }

    private static async Task<int> ReportAsync(AuditVerificationResult result, TextWriter output, TextWriter error)
    {
        if (!result.IsIntact)
        {
            await error.WriteLineAsync($"verify audit verify: TAMPERED ({result.Problem}): {result.Message}").ConfigureAwait(false);
            return ExitCodes.Refused;
        }

        await output.WriteLineAsync(result.Message).ConfigureAwait(false);
        if (result.CheckpointCount == 0)
        {
            await error.WriteLineAsync("warning: there are no checkpoints, so only the chain's own consistency was checked: an attacker who recomputed it would not be caught. Run 'verify audit checkpoint' regularly.").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static FileInfo Required(FileInfo? file, string what) =>
        file is null ? throw new CliUsageException($"{what} is required.")
        : file.Exists ? file
        : throw new CliUsageException($"'{file.FullName}' does not exist (for {what}).");

    private static async Task<int> RunAsync(string name, TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync($"verify {name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is AuditChainBrokenException or InvalidDataException)
        {
            await error.WriteLineAsync($"verify {name}: refused: {ex.Message} Nothing was written; run 'verify audit verify' and investigate.").ConfigureAwait(false);
            return ExitCodes.Refused;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            await error.WriteLineAsync($"verify {name}: the audit database failed: {ex.Message} Check --connection and --provider.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            await error.WriteLineAsync($"verify {name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
