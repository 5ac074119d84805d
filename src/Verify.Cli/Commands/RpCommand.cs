using System.CommandLine;

using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Saml.Trust;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify rp</c>: the relying parties of the federation. <c>add</c> registers (or updates, by entity ID) an RP
/// from its SAML metadata, refusing metadata that breaks a federation rule (exit 3); <c>list</c>, <c>remove</c>,
/// <c>enable</c>, <c>disable</c>; with <c>--oidc</c>, <c>add</c> registers an OpenID Connect client (<see cref="RpOidcOptions"/>). Every change bumps the federation revision, so hub nodes pick it up within seconds.
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
        rp.Subcommands.Add(PartyCommands.ByEntityId("remove", "rp", Kind, "Remove a relying party: the hub refuses its requests from then on.", _store, async (s, id, ct) => await s.RemoveRelyingPartyAsync(id, ct).ConfigureAwait(false) || await s.RemoveOidcRelyingPartyAsync(id, ct).ConfigureAwait(false), "removed"));
        rp.Subcommands.Add(PartyCommands.ByEntityId("enable", "rp", Kind, "Enable a relying party.", _store, async (s, id, ct) => await s.SetRelyingPartyEnabledAsync(id, true, ct).ConfigureAwait(false) || await s.SetOidcRelyingPartyEnabledAsync(id, true, ct).ConfigureAwait(false), "enabled"));
        rp.Subcommands.Add(PartyCommands.ByEntityId("disable", "rp", Kind, "Disable a relying party: the hub refuses its requests, its registration is kept.", _store, async (s, id, ct) => await s.SetRelyingPartyEnabledAsync(id, false, ct).ConfigureAwait(false) || await s.SetOidcRelyingPartyEnabledAsync(id, false, ct).ConfigureAwait(false), "disabled"));
        return rp;
    }

    private Command CreateAdd()
    {
        var party = new PartyOptions("pinned");
        var homepage = new Option<string?>("--homepage") { Description = "The service's start page (https).", HelpName = "URL" };
        var otherWays = new Option<string?>("--other-ways") { Description = "\"Other ways to access the service\", in English.", HelpName = "TEXT" };
        var otherWaysCy = new Option<string?>("--other-ways-cy") { Description = "The same in Welsh (needs --other-ways).", HelpName = "TEXT" };
        var matchingService = new Option<string?>("--matching-service") { Description = "The entity ID of the RP's matching service (recorded only, unless its metadata is given).", HelpName = "ENTITY_ID" };
        var matchingMetadata = new Option<FileInfo?>("--matching-service-metadata") { Description = "The matching service's SAML metadata: the hub matches for this RP.", HelpName = "FILE" };
        var matchingTrust = new Option<string?>("--matching-service-trust") { Description = "How the matching service's keys are trusted: pinned or pkix (default: pkix).", HelpName = "KIND" };
        var accountCreationUrl = new Option<string?>("--account-creation-url") { Description = "The matching service's account-creation endpoint (https).", HelpName = "URL" };
        var cycle3 = new Option<string?>("--cycle3-attribute") { Description = "The identifier asked for after a no-match, e.g. NationalInsuranceNumber.", HelpName = "NAME" };
        var accountCreation = new Option<string[]>("--account-creation-attribute") { Description = "An attribute returned when an account is created, e.g. firstname (repeat for several).", HelpName = "NAME" };
        var endToEnd = new Option<bool>("--end-to-end") { Description = "End-to-end trust: the RP receives its matching service's signed assertion (needs the matching service)." };
        var oidc = new RpOidcOptions();
        var add = new Command("add", "Register a relying party from its SAML metadata (or as an OpenID Connect client with --oidc), or update it (by entity ID or client ID).");
        party.AddTo(add);
        oidc.AddTo(add);
        foreach (var option in new Option[] { homepage, otherWays, otherWaysCy, matchingService, matchingMetadata, matchingTrust, accountCreationUrl, cycle3, accountCreation, endToEnd })
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
                MatchingService = parseResult.GetValue(matchingMetadata) is { } file
                    ? new MatchingServiceSettings
                    {
                        Metadata = PartyOptions.ReadFile(file, "--matching-service-metadata", "the matching service's metadata"),
                        AccountCreationUrl = parseResult.GetValue(accountCreationUrl),
                        Trust = PartyOptions.ParseTrust(parseResult.GetValue(matchingTrust), "--matching-service-trust"),
                    }
                    : parseResult.GetValue(accountCreationUrl) is not null || parseResult.GetValue(matchingTrust) is not null
                        ? throw new CliUsageException("--account-creation-url and --matching-service-trust need --matching-service-metadata FILE.")
                        : null,
                Cycle3Attribute = parseResult.GetValue(cycle3),
                AccountCreationAttributes = parseResult.GetValue(accountCreation) ?? [],
                AssertionMode = parseResult.GetValue(endToEnd) ? AssertionMode.EndToEnd : AssertionMode.HubAsserted,
            };
            if (oidc.IsGiven(parseResult))
            {
                // ADR 0021: an RP registered as an OpenID Connect client, with the same operator settings.
                var oidcStore = await _store.OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
                var existing = (await oidcStore.ListOidcRelyingPartiesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.ClientId == parseResult.GetValue(oidc.ClientId)?.Trim());
                var oidcRegistration = OidcRelyingPartyRegistration.Create(oidc.Read(parseResult, party, settings, existing), parseResult.GetValue(party.AllowLoopbackHttp));
                var oidcOutcome = await oidcStore.AddOrUpdateOidcRelyingPartyAsync(oidcRegistration, cancellationToken).ConfigureAwait(false);
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(RpOidcOptions.Added(oidcOutcome, oidcRegistration)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var registration = RelyingPartyRegistration.FromMetadata(party.ReadMetadata(parseResult), settings, parseResult.GetValue(party.AllowLoopbackHttp));
            var store = await _store.OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var outcome = await store.AddOrUpdateRelyingPartyAsync(registration, cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{PartyCommands.Outcome(outcome)} relying party {registration.EntityId} ({registration.Levels}, {PartyListing.Kind(registration.Trust)} trust).").ConfigureAwait(false);
            if (registration.Trust == TrustKind.Pkix)
            {
                await output.WriteLineAsync("  Its certificates must chain to the federation root through rp-ca, or the hub will refuse its requests.").ConfigureAwait(false);
            }

            if (registration.MatchingService is { } ms)
            {
                await output.WriteLineAsync($"  Matching service {ms.EntityId} at {ms.MatchUrl} ({PartyListing.Kind(ms.Trust)} trust); {PartyListing.Mode(registration.AssertionMode)}.").ConfigureAwait(false);
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
            var oidcRps = await store.ListOidcRelyingPartiesAsync(cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            foreach (var rp in rps)
            {
                PartyListing.Write(output, rp);
            }

            foreach (var rp in oidcRps)
            {
                RpOidcOptions.Write(output, rp);
            }

            var count = rps.Count + oidcRps.Count;
            await output.WriteLineAsync($"{count} relying part{(count == 1 ? "y" : "ies")}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return list;
    }
}
