using System.CommandLine;
using System.Globalization;

using Verify.Federation.Registration;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify idp</c>: the federation's identity providers. <c>add</c> registers (or updates, by entity ID) an IDP
/// from its SAML metadata, refusing metadata that breaks a federation rule (exit 3); <c>list</c>, <c>remove</c>,
/// <c>enable</c>, <c>disable</c>. Every change bumps the federation revision, so hub nodes pick it up within seconds.
/// </summary>
internal sealed class IdpCommand(TimeProvider timeProvider) : ICommandFactory
{
    private const string Kind = "identity provider";

    private readonly FederationStoreOptions _store = new(timeProvider);

    /// <inheritdoc />
    public Command Create()
    {
        var idp = new Command("idp", "The federation's identity providers.");
        idp.Subcommands.Add(CreateAdd());
        idp.Subcommands.Add(CreateList());
        idp.Subcommands.Add(PartyCommands.ByEntityId("remove", "idp", Kind, "Remove an identity provider: its responses are refused from then on.", _store, (s, id, ct) => s.RemoveIdentityProviderAsync(id, ct), "removed"));
        idp.Subcommands.Add(PartyCommands.ByEntityId("enable", "idp", Kind, "Enable an identity provider.", _store, (s, id, ct) => s.SetIdentityProviderEnabledAsync(id, true, ct), "enabled"));
        idp.Subcommands.Add(PartyCommands.ByEntityId("disable", "idp", Kind, "Disable an identity provider: citizens no longer see it and its responses are refused.", _store, (s, id, ct) => s.SetIdentityProviderEnabledAsync(id, false, ct), "disabled"));
        return idp;
    }

    private Command CreateAdd()
    {
        var party = new PartyOptions("pkix");
        var order = new Option<int>("--order") { Description = "Position on the 'choose a company' page (lower first; default 0).", HelpName = "N" };
        var onlyFor = new Option<string[]>("--only-for") { Description = "While onboarding: offer it only to this RP (entity ID; repeat for several).", HelpName = "ENTITY_ID" };
        var registrationUntil = new Option<string?>("--registration-until") { Description = "Soft disconnect: offer registration only before this instant (ISO 8601, UTC if no offset).", HelpName = "INSTANT" };
        var signInUntil = new Option<string?>("--sign-in-until") { Description = "Soft disconnect: offer signing in only before this instant.", HelpName = "INSTANT" };
        var unavailable = new Option<bool>("--unavailable") { Description = "Temporarily unavailable: hidden from citizens, journeys under way still finish." };
        var oidc = new IdpOidcOptions();
        var add = new Command("add", "Register an identity provider from its SAML metadata (or by OpenID Connect issuer), or update it (by entity ID or issuer).");
        party.AddTo(add);
        oidc.AddTo(add);
        foreach (var option in new Option[] { order, onlyFor, registrationUntil, signInUntil, unavailable })
        {
            add.Options.Add(option);
        }

        _store.AddTo(add);
        add.SetAction((parseResult, cancellationToken) => FederationStoreOptions.RunAsync("idp add", parseResult.InvocationConfiguration.Error, async () =>
        {
            var settings = new IdentityProviderSettings
            {
                Levels = party.ReadLevels(parseResult),
                Trust = party.ReadTrust(parseResult),
                DisplayName = party.ReadName(parseResult),
                Enabled = !parseResult.GetValue(party.Disabled),
                DisplayOrder = parseResult.GetValue(order),
                OnboardingOnlyFor = parseResult.GetValue(onlyFor) ?? [],
                ProvideRegistrationUntil = Instant(parseResult.GetValue(registrationUntil), "--registration-until"),
                ProvideSignInUntil = Instant(parseResult.GetValue(signInUntil), "--sign-in-until"),
                TemporarilyUnavailable = parseResult.GetValue(unavailable),
            };
            if (oidc.IsGiven(parseResult))
            {
                // ADR 0022: an IDP registered by OpenID Connect issuer, with the same operator settings.
                var oidcRegistration = oidc.Register(parseResult, party, settings);
                var oidcStore = await _store.OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
                var change = (await oidcStore.AddOrUpdateOidcIdentityProvidersAsync([oidcRegistration], cancellationToken).ConfigureAwait(false))[0];
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                    $"{PartyCommands.Outcome(change.Outcome)} OpenID Connect identity provider {oidcRegistration.Issuer} ({oidcRegistration.Levels}, client {oidcRegistration.ClientId}, {(oidcRegistration.PinnedJwks is null ? "keys from its discovery document" : "pinned keys")}, scope {string.Join(' ', ["openid", .. oidcRegistration.Scopes])}).").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var registration = IdentityProviderRegistration.FromMetadata(party.ReadMetadata(parseResult), settings, parseResult.GetValue(party.AllowLoopbackHttp));
            var store = await _store.OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var outcome = await store.AddOrUpdateIdentityProviderAsync(registration, cancellationToken).ConfigureAwait(false);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"{PartyCommands.Outcome(outcome)} identity provider {registration.EntityId} ({registration.Levels}, {PartyListing.Kind(registration.Trust)} trust, single sign-on {registration.SingleSignOnUrl}).").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return add;
    }

    private Command CreateList()
    {
        var list = new Command("list", "List the registered identity providers in the order citizens see them.");
        _store.AddTo(list);
        list.SetAction((parseResult, cancellationToken) => FederationStoreOptions.RunAsync("idp list", parseResult.InvocationConfiguration.Error, async () =>
        {
            var store = await _store.OpenAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var idps = await store.ListIdentityProvidersAsync(cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            foreach (var idp in idps)
            {
                PartyListing.Write(output, idp);
            }

            await output.WriteLineAsync($"{idps.Count} identity provider{(idps.Count == 1 ? "" : "s")}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return list;
    }

    private static DateTimeOffset? Instant(string? value, string option) =>
        value is null ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) ? instant
        : throw new CliUsageException($"{option} '{value}' is not a date and time; write ISO 8601, e.g. 2027-03-31T23:00:00Z.");
}
