using System.CommandLine;
using System.Data.Common;
using System.Security.Cryptography;

using Microsoft.EntityFrameworkCore;

using Verify.Federation;
using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Saml.Errors;

namespace Verify.Cli.Commands;

/// <summary>
/// What every federation command shares: <c>--connection</c> and <c>--provider</c>, opening (and migrating) the
/// store, and turning failures into messages and <see cref="ExitCodes"/>.
/// </summary>
internal sealed class FederationStoreOptions(TimeProvider timeProvider)
{
    public Option<string> Connection { get; } = new("--connection")
    {
        Description = "The federation store's connection string (default: the start-dev SQLite file).",
        HelpName = "CONN",
        DefaultValueFactory = _ => FederationStore.DefaultSqliteConnection,
    };

    public Option<string> Provider { get; } = new("--provider")
    {
        Description = "The federation store's database: sqlite (start-dev) or postgres.",
        HelpName = "sqlite|postgres",
        DefaultValueFactory = _ => "sqlite",
    };

    public TimeProvider TimeProvider { get; } = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Connection);
        command.Options.Add(Provider);
    }

    /// <summary>
    /// Opens the store and applies its migrations, on SQLite and PostgreSQL alike: the CLI is where the operator
    /// changes the federation, so it is the natural place to bring the schema up to date (hub nodes only read).
    /// </summary>
    public async Task<FederationStore> OpenAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var store = Create(parseResult);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>The store, not opened yet: nothing touches the database until a read, a write or a migration.</summary>
    public FederationStore Create(ParseResult parseResult)
    {
        var providerName = parseResult.GetRequiredValue(Provider);
        return FederationDatabase.TryParseProvider(providerName, out var provider)
            ? FederationStore.Create(provider, parseResult.GetRequiredValue(Connection), TimeProvider)
            : throw new CliUsageException($"Unknown provider '{providerName}': use --provider sqlite or --provider postgres.");
    }

    /// <summary>Runs a federation command, mapping each kind of failure to a message on stderr and an exit code.</summary>
    public static async Task<int> RunAsync(string name, TextWriter error, Func<Task<int>> action)
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
        catch (RegistrationRefusedException ex)
        {
            await error.WriteLineAsync($"verify {name}: refused: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Refused;
        }
        catch (SamlException ex)
        {
            await error.WriteLineAsync($"verify {name}: {ex.Error.Id} {ex.Error.Code}: {ex.Error.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            await error.WriteLineAsync($"verify {name}: the federation store failed: {ex.Message} Check --connection and --provider.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            await error.WriteLineAsync($"verify {name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
