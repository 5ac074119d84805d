using Verify.Federation.Parties;
using Verify.Hub.Journey.Assurance;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

namespace Verify.Federation.Registration;

/// <summary>The checks on what the operator gives besides metadata; each failure is a <see cref="RegistrationRefusedException"/>.</summary>
internal static class SettingsChecks
{
    private static readonly string LevelList = string.Join(", ", LevelOfAssurance.All.Select(l => l.Name));

    /// <summary>
    /// Levels by name. ARCHITECTURE.md: LEVEL_X marks a fraud response and is never a level, so it can be neither
    /// accepted by an RP nor certified for an IDP.
    /// </summary>
    public static LevelOfAssuranceSet Levels(IReadOnlyList<string>? names, string entityId)
    {
        if (names is null || names.Count == 0)
        {
            throw new RegistrationRefusedException($"No level of assurance given for '{entityId}'; give at least one of {LevelList}.");
        }

        var levels = new List<LevelOfAssurance>();
        foreach (var name in names)
        {
            try
            {
                levels.Add(LevelOfAssurance.FromName(name?.Trim() ?? ""));
            }
            catch (LevelXIsNotALevelException ex)
            {
                throw new RegistrationRefusedException(
                    $"LEVEL_X given for '{entityId}': it marks a fraud response, is not a level of assurance and satisfies no requirement. Remove it; give levels from {LevelList}.", ex);
            }
            catch (FormatException ex)
            {
                throw new RegistrationRefusedException($"'{name}' is not a level of assurance (for '{entityId}'); use {LevelList}, written exactly so.", ex);
            }
        }

        return new LevelOfAssuranceSet(levels);
    }

    /// <summary>The trust kind given, or the role's default (ARCHITECTURE.md: pinned for RPs, PKIX for everyone else).</summary>
    public static TrustKind Trust(TrustKind? given, PartyRole role) => given switch
    {
        null => PartyTrust.DefaultKindFor(role),
        { } kind when Enum.IsDefined(kind) => kind,
        { } kind => throw new RegistrationRefusedException($"Trust kind {(int)kind} is not one the federation knows; use pinned or pkix."),
    };

    /// <summary>The name given, else the metadata's English (and Welsh) organization display name, else the entity ID.</summary>
    public static BilingualText DisplayName(BilingualText? given, EntityDescriptor entity, RoleDescriptor role)
    {
        var name = given ?? FromOrganization(entity.Organization ?? role.Organization) ?? new BilingualText(entity.EntityId);
        return Text(name, RegistrationLimits.DisplayNameLength, "display name");
    }

    /// <summary>Refuses text longer than <paramref name="maxLength"/> in either language.</summary>
    public static BilingualText Text(BilingualText text, int maxLength, string what)
    {
        if (text.English.Length > maxLength || text.Welsh?.Length > maxLength)
        {
            throw new RegistrationRefusedException($"The {what} is longer than {maxLength} characters; shorten it.");
        }

        return text;
    }

    /// <summary>An entity ID given by the operator (matching service, onboarding RP): an absolute URI of at most 1024 characters.</summary>
    public static string EntityId(string? value, string what)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length is 0 or > RegistrationLimits.EntityIdLength || trimmed.StartsWith('/') || !Uri.TryCreate(trimmed, UriKind.Absolute, out _))
        {
            throw new RegistrationRefusedException(
                $"The {what} '{value}' is not an entity ID: SAML Metadata 2.3.2 wants an absolute URI of at most {RegistrationLimits.EntityIdLength} characters.");
        }

        return trimmed;
    }

    /// <summary>
    /// An instant as stored: UTC, whole microseconds (PostgreSQL's precision), so both providers give back exactly
    /// what was registered.
    /// </summary>
    public static DateTimeOffset? Instant(DateTimeOffset? value) =>
        value is { } time ? new DateTimeOffset(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero) : null;

    private static BilingualText? FromOrganization(Organization? organization)
    {
        var english = organization?.DisplayNames.FirstOrDefault(n => n.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))?.Value;
        var welsh = organization?.DisplayNames.FirstOrDefault(n => n.Language.StartsWith("cy", StringComparison.OrdinalIgnoreCase))?.Value;
        return string.IsNullOrWhiteSpace(english) ? null : new BilingualText(english, welsh);
    }
}
