using System.CommandLine;

using Verify.Federation.Import;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify federation</c>: the federation as a whole. <c>import DIR</c> loads a config folder
/// (<c>federation.json</c> + metadata, src/Verify.Federation/README.md) all or nothing; <c>publish</c> builds the
/// federation metadata, signs it with the metadata-signing key, verifies it back and stores it for the hub to serve.
/// </summary>
internal sealed class FederationCommand(TimeProvider timeProvider) : ICommandFactory
{
    private readonly FederationStoreOptions _store = new(timeProvider);

    /// <inheritdoc />
    public Command Create()
    {
        var federation = new Command("federation", "The federation configuration: import it, publish its signed metadata.");
        federation.Subcommands.Add(CreateImport());
        federation.Subcommands.Add(new FederationPublish(_store).Create());
        return federation;
    }

    private Command CreateImport()
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = $"The config folder: {FederationImporter.FileName} and the metadata files it names." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and report, but write nothing." };
        var allowLoopbackHttp = new Option<bool>("--allow-loopback-http") { Description = "Accept http:// endpoints on localhost/127.0.0.1 (development only)." };
        var import = new Command("import", "Import RPs and IDPs from a config folder, all or nothing; re-importing the same folder changes nothing.")
        {
            folder,
            dryRun,
            allowLoopbackHttp,
        };
        _store.AddTo(import);
        import.SetAction((parseResult, cancellationToken) => FederationStoreOptions.RunAsync("federation import", parseResult.InvocationConfiguration.Error, async () =>
        {
            var directory = parseResult.GetRequiredValue(folder);
            if (!directory.Exists)
            {
                throw new CliUsageException($"'{directory.FullName}' is not a folder; give the folder that holds {FederationImporter.FileName}.");
            }

            // Check first, so a refused folder (or a dry run) does not even create the database.
            var store = _store.Create(parseResult);
            var importer = new FederationImporter(store, parseResult.GetValue(allowLoopbackHttp));
            var result = importer.Check(directory.FullName);
            if (result.Succeeded && !parseResult.GetValue(dryRun))
            {
                await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
                result = await importer.ImportAsync(directory.FullName, cancellationToken).ConfigureAwait(false);
            }

            return await ReportAsync(result, parseResult.GetValue(dryRun), parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error).ConfigureAwait(false);
        }));
        return import;
    }

    private static async Task<int> ReportAsync(FederationImportResult result, bool dryRun, TextWriter output, TextWriter error)
    {
        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            await error.WriteLineAsync($"verify federation import: {result.Errors.Count} problem(s); nothing was imported. Fix them and run the import again.").ConfigureAwait(false);
            return ExitCodes.Refused;
        }

        if (dryRun)
        {
            await output.WriteLineAsync($"{result.PartyCount} part{(result.PartyCount == 1 ? "y" : "ies")} checked; no problem found. Nothing was written (--dry-run).").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var change in result.Changes)
        {
            var role = change.Role == Saml.Trust.PartyRole.RelyingParty ? "rp " : "idp";
            await output.WriteLineAsync($"  {role} {change.Outcome.ToString().ToLowerInvariant(),-9} {change.EntityId}").ConfigureAwait(false);
        }

        var changed = result.Changes.Count(c => c.Outcome != Federation.StoreOutcome.Unchanged);
        await output.WriteLineAsync($"Imported {result.Changes.Count} part{(result.Changes.Count == 1 ? "y" : "ies")} ({changed} changed).").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
