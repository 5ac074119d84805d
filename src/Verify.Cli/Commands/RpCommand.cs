using System.CommandLine;

using Verify.Federation.Registration;
using Verify.Saml.Trust;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify rp</c>: the relying parties of the federation. <c>add</c> registers (or updates, by entity ID) an RP
/// from its SAML metadata, refusing metadata that breaks a federation rule (exit 3); <c>list</c>, <c>remove</c>,
/// <c>enable</c>, <c>disable</c>. Every change bumps the federation revision, so hub nodes pick it up within seconds.
/// </summary>
internal sealed class RpCommand(TimeProvider timeProvider) : ICommandFactory
{
    private const string Kind = "relying party";

    private readonly FederationStoreOptions _store = new(timeProvider);

    /// <inheritdoc />
    public Command Create()
    {
        var rp = new Command("rp", "The federation's relying parties (departments' services).");
        rp.Subcommands.Add(CreateAdd());
        rp.Subcommands.Add(CreateList());
        rp.Subcommands.Add(PartyCommands.ByEntityId("remove", "rp", Kind, "Remove a relying party: the hub refuses its requests from then on.", _store, (s, id, ct) => s.RemoveRelyingPartyAsync(id, ct), "removed"));
        rp.Subcommands.Add(PartyCommands.ByEntityId("enable", "rp", Kind, "Enable a relying party.", _store, (s, id, ct) => s.SetRelyingPartyEnabledAsync(id, true, ct), "enabled"));
        rp.Subcommands.Add(PartyCommands.ByEntityId("disable", "rp", Kind, "Disable a relying party: the hub refuses its requests, its registration is kept.", _store, (s, id, ct) => s.SetRelyingPartyEnabledAsync(id, false, ct), "disabled"));
        return rp;
    }

    private Command CreateAdd()
    {
        var party = new PartyOptions("pinned");
        var homepage = new Option<string?>("--homepage") { Description = "The service's start page (https).", HelpName = "URL" };
        var otherWays = new Option<string?>("--other-ways") { Description = "\"Other ways to access the service\", in English.", HelpName = "TEXT" };
        var otherWaysCy = new Option<string?>("--other-ways-cy") { Description = "The same in Welsh (needs --other-ways).", HelpName = "TEXT" };
        var matchingService = new Option<string?>("--matching-service") { Description = "The entity ID of the RP's matching service, if it uses one.", HelpName = "ENTITY_ID" };
        var add = new Command("add", "Register a relying party from its SAML metadata, or update it (by entity ID).");
        party.AddTo(add);
        foreach (var option in new Option[] { homepage, otherWays, otherWaysCy, matchingService })
        {
            add.Options.Add(option);
        }

        _store.AddTo(add);
        add.SetAction((parseResult, cancellationToken) => FederationStoreOptions.RunAsync("rp add", parseResult.InvocationConfiguration.Error, async () =>
        {
            var settings = new RelyingPartySettings
            {
                Levels = party.ReadLevels(parseResult),
                Trust = party.ReadTrust(parseResult),
                DisplayName = party.ReadName(parseResult),
                Enabled = !parseResult.GetValue(party.Disabled),
                ServiceHomepage = parseResult.GetValue(homepage),
                OtherWaysToAccess = (parseResult.GetValue(otherWays), parseResult.GetValue(otherWaysCy)) switch
                {
                    (null, null) => null,
                    ({ } en, var cy) when !string.IsNullOrWhiteSpace(en) => new(en, cy),
                    _ => throw new CliUsageException("--other-ways-cy needs --other-ways (English text)."),
                },
                MatchingServiceEntityId = parseResult.GetValue(matchingService),
            };
            var registration = RelyingPartyRegistration.FromMetadata(party.ReadMetadata(parseResult), settings, parseResult.GetValue(party.AllowLoopbackHttp));
            var store = await _store.OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var outcome = await store.AddOrUpdateRelyingPartyAsync(registration, cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{PartyCommands.Outcome(outcome)} relying party {registration.EntityId} ({registration.Levels}, {PartyListing.Kind(registration.Trust)} trust).").ConfigureAwait(false);
            if (registration.Trust == TrustKind.Pkix)
            {
                await output.WriteLineAsync("  Its certificates must chain to the federation root through rp-ca, or the hub will refuse its requests.").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return add;
    }

    private Command CreateList()
    {
        var list = new Command("list", "List the registered relying parties, with their endpoints and certificates.");
        _store.AddTo(list);
        list.SetAction((parseResult, cancellationToken) => FederationStoreOptions.RunAsync("rp list", parseResult.InvocationConfiguration.Error, async () =>
        {
            var store = await _store.OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var rps = await store.ListRelyingPartiesAsync(cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            foreach (var rp in rps)
            {
                PartyListing.Write(output, rp);
            }

            await output.WriteLineAsync($"{rps.Count} relying part{(rps.Count == 1 ? "y" : "ies")}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return list;
    }
}
