using System.CommandLine;

using Verify.Federation;

namespace Verify.Cli.Commands;

/// <summary>The subcommands <c>rp</c> and <c>idp</c> share: <c>remove</c>, <c>enable</c> and <c>disable</c> by entity ID.</summary>
internal static class PartyCommands
{
    /// <summary>A command taking one ENTITY_ID that changes that party; exit 1 when no such party is registered.</summary>
    /// <param name="name">The subcommand: remove, enable or disable.</param>
    /// <param name="group">The command it sits below: rp or idp.</param>
    /// <param name="kind">"relying party" or "identity provider", for messages.</param>
    /// <param name="description">The help text.</param>
    /// <param name="store">The shared store options.</param>
    /// <param name="change">What to do; false when the party is not registered.</param>
    /// <param name="done">The past tense for the success message: removed, enabled, disabled.</param>
    public static Command ByEntityId(
        string name,
        string group,
        string kind,
        string description,
        FederationStoreOptions store,
        Func<FederationStore, string, CancellationToken, Task<bool>> change,
        string done)
    {
        var entityId = new Argument<string>("ENTITY_ID") { Description = $"The {kind}'s entity ID, as '{group} list' shows it." };
        var command = new Command(name, description) { entityId };
        store.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => FederationStoreOptions.RunAsync($"{group} {name}", parseResult.InvocationConfiguration.Error, async () =>
        {
            var id = parseResult.GetRequiredValue(entityId);
            var opened = await store.OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
            if (!await change(opened, id, cancellationToken).ConfigureAwait(false))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"verify {group} {name}: no {kind} '{id}' is registered; 'verify {group} list' shows those that are.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"{char.ToUpperInvariant(done[0])}{done[1..]} {kind} {id}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The message for what adding did.</summary>
    public static string Outcome(StoreOutcome outcome) => outcome switch
    {
        StoreOutcome.Added => "Added",
        StoreOutcome.Updated => "Updated",
        _ => "Unchanged (already registered exactly so)",
    };
}
