using Verify.Federation.Parties;
using Verify.Hub.Journey.Model;
using Verify.Saml.Saml;

namespace Verify.Federation.Registration;

/// <summary>
/// The checks on a relying party's matching settings (VERIFY-REFERENCE.md "Configuration Verify kept per party"): the
/// cycle 3 attribute and account-creation attributes are Verify's names, and nothing that needs a matching service is
/// given without one. Each failure is a <see cref="RegistrationRefusedException"/>.
/// </summary>
internal static class MatchingChecks
{
    public static (RegisteredMatchingService? Service, string? Cycle3Attribute, IReadOnlyList<string> AccountCreationAttributes, AssertionMode Mode) Check(
        string rpEntityId, RelyingPartySettings settings, bool allowLoopbackHttp) =>
        Check(rpEntityId, settings.MatchingService, settings.Cycle3Attribute, settings.AccountCreationAttributes, settings.AssertionMode, allowLoopbackHttp);

    /// <summary>An OpenID Connect RP's matching settings: always hub-asserted (ADR 0026).</summary>
    public static (RegisteredMatchingService? Service, string? Cycle3Attribute, IReadOnlyList<string> AccountCreationAttributes) Check(
        string clientId, OidcRelyingPartySettings settings, bool allowLoopbackHttp)
    {
        var (service, cycle3, accountCreation, _) = Check(
            clientId, settings.MatchingService, settings.Cycle3Attribute, settings.AccountCreationAttributes, AssertionMode.HubAsserted, allowLoopbackHttp);
        return (service, cycle3, accountCreation);
    }

    private static (RegisteredMatchingService? Service, string? Cycle3Attribute, IReadOnlyList<string> AccountCreationAttributes, AssertionMode Mode) Check(
        string rpEntityId, MatchingServiceSettings? given, string? cycle3Given, IReadOnlyList<string>? accountCreationGiven, AssertionMode mode, bool allowLoopbackHttp)
    {
        var service = given is null ? null : RegisteredMatchingService.From(given, allowLoopbackHttp);
        var cycle3 = string.IsNullOrWhiteSpace(cycle3Given) ? null : cycle3Given.Trim();
        var accountCreation = (accountCreationGiven ?? []).Select(a => a?.Trim() ?? "").Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (!Enum.IsDefined(mode))
        {
            throw new RegistrationRefusedException($"Assertion mode {(int)mode} is not one the federation knows; use hub-asserted or end-to-end.");
        }

        if (service is null)
        {
            var needsOne = new[]
            {
                cycle3 is null ? null : "a cycle 3 attribute",
                accountCreation.Count == 0 ? null : "account-creation attributes",
                mode == AssertionMode.EndToEnd ? "end-to-end mode" : null,
            }.OfType<string>().ToList();
            if (needsOne.Count > 0)
            {
                throw new RegistrationRefusedException(
                    $"Relying party '{rpEntityId}' has {string.Join(" and ", needsOne)} but no matching service; register its matching service's metadata too, or leave them out.");
            }

            return (null, null, [], mode);
        }

        if (service.EntityId == rpEntityId)
        {
            throw new RegistrationRefusedException($"The matching service of '{rpEntityId}' has the RP's own entity ID; a matching service is a party of its own.");
        }

        if (cycle3 is not null && !Cycle3Attributes.IsKnown(cycle3))
        {
            throw new RegistrationRefusedException(
                $"'{cycle3}' is not a cycle 3 attribute the hub can ask for; use one of {string.Join(", ", Cycle3Attributes.Names.Order(StringComparer.Ordinal))}.");
        }

        if (accountCreation.FirstOrDefault(a => !AccountCreationAttributeNames.All.Contains(a)) is { } unknown)
        {
            throw new RegistrationRefusedException(
                $"'{unknown}' is not an account-creation attribute; use Verify's names: {string.Join(", ", AccountCreationAttributeNames.All.Order(StringComparer.Ordinal))}.");
        }

        if (accountCreation.Count > 0 && service.AccountCreationUrl is null)
        {
            throw new RegistrationRefusedException(
                $"Relying party '{rpEntityId}' lists account-creation attributes but its matching service has no account-creation URL; give the URL (https) or leave the attributes out.");
        }

        return (service, cycle3, accountCreation, mode);
    }
}
