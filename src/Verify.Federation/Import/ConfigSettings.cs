using System.Globalization;

using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Saml.Trust;

namespace Verify.Federation.Import;

/// <summary>
/// Turns a <c>federation.json</c> entry into registration settings. Values that do not parse are refused here with
/// the field's name; everything else is checked by the registration itself.
/// </summary>
internal static class ConfigSettings
{
    /// <param name="entry">The entry.</param>
    /// <param name="readMetadata">Reads a metadata file named in the entry (the matching service's), relative to the config folder.</param>
    public static RelyingPartySettings For(RelyingPartyConfig? entry, Func<string?, byte[]> readMetadata) => entry is null ? throw EmptyEntry() : new()
    {
        Levels = entry.Levels ?? [],
        Trust = Trust(entry.Trust),
        DisplayName = Text(entry.DisplayName, "displayName"),
        Enabled = entry.Enabled,
        ServiceHomepage = entry.ServiceHomepage,
        OtherWaysToAccess = Text(entry.OtherWaysToAccess, "otherWaysToAccess"),
        MatchingServiceEntityId = entry.MatchingServiceEntityId,
        MatchingService = MatchingService(entry.MatchingService, readMetadata),
        Cycle3Attribute = entry.Cycle3Attribute,
        AccountCreationAttributes = entry.AccountCreationAttributes,
        AssertionMode = Mode(entry.AssertionMode),
    };

    public static IdentityProviderSettings For(IdentityProviderConfig? entry) => entry is null ? throw EmptyEntry() : new()
    {
        Levels = entry.Levels ?? [],
        Trust = Trust(entry.Trust),
        DisplayName = Text(entry.DisplayName, "displayName"),
        Enabled = entry.Enabled,
        DisplayOrder = entry.DisplayOrder,
        OnboardingOnlyFor = entry.OnboardingOnlyFor ?? [],
        ProvideRegistrationUntil = Instant(entry.ProvideRegistrationUntil, "provideRegistrationUntil"),
        ProvideSignInUntil = Instant(entry.ProvideSignInUntil, "provideSignInUntil"),
        TemporarilyUnavailable = entry.TemporarilyUnavailable,
    };

    /// <param name="entry">The entry.</param>
    /// <param name="jwks">The pinned key set read from the file the entry names, or null.</param>
    public static OidcIdentityProviderSettings For(OidcIdentityProviderConfig? entry, string? jwks) => entry is null ? throw EmptyEntry() : new()
    {
        Issuer = entry.Issuer ?? throw new RegistrationRefusedException("\"issuer\" is missing: the IDP's OpenID Connect issuer."),
        ClientId = entry.ClientId ?? throw new RegistrationRefusedException("\"clientId\" is missing: the client ID the IDP gave the hub."),
        Levels = entry.Levels ?? [],
        PinnedJwks = jwks,
        Scopes = entry.Scopes ?? [],
        DisplayName = Text(entry.DisplayName, "displayName") ?? throw new RegistrationRefusedException("\"displayName\" is missing: an OIDC IDP has no metadata to take a name from."),
        Enabled = entry.Enabled,
        DisplayOrder = entry.DisplayOrder,
        OnboardingOnlyFor = entry.OnboardingOnlyFor ?? [],
        ProvideRegistrationUntil = Instant(entry.ProvideRegistrationUntil, "provideRegistrationUntil"),
        ProvideSignInUntil = Instant(entry.ProvideSignInUntil, "provideSignInUntil"),
        TemporarilyUnavailable = entry.TemporarilyUnavailable,
    };

    /// <param name="entry">The entry.</param>
    /// <param name="jwks">The client's key set read from the file the entry names, or null.</param>
    /// <param name="readMetadata">Reads the matching service's metadata file, relative to the config folder.</param>
    public static OidcRelyingPartySettings For(OidcRelyingPartyConfig? entry, string? jwks, Func<string?, byte[]> readMetadata) => entry is null ? throw EmptyEntry() : new()
    {
        ClientId = entry.ClientId ?? throw new RegistrationRefusedException("\"clientId\" is missing: the RP's OpenID Connect client ID."),
        DisplayName = Text(entry.DisplayName, "displayName") ?? throw new RegistrationRefusedException("\"displayName\" is missing: an OIDC RP has no metadata to take a name from."),
        Enabled = entry.Enabled,
        Levels = entry.Levels ?? [],
        RedirectUris = entry.RedirectUris ?? [],
        PostLogoutRedirectUris = entry.PostLogoutRedirectUris ?? [],
        Jwks = jwks,
        JwksUri = entry.JwksUri,
        Scopes = entry.Scopes,
        Claims = entry.Claims ?? [],
        Sector = entry.Sector,
        ClientSecretHash = entry.ClientSecretHash,
        IdTokenSignedResponseAlg = entry.IdTokenSignedResponseAlg,
        ServiceHomepage = entry.ServiceHomepage,
        OtherWaysToAccess = Text(entry.OtherWaysToAccess, "otherWaysToAccess"),
        MatchingService = MatchingService(entry.MatchingService, readMetadata),
        Cycle3Attribute = entry.Cycle3Attribute,
        AccountCreationAttributes = entry.AccountCreationAttributes,
    };

    private static MatchingServiceSettings? MatchingService(MatchingServiceConfig? entry, Func<string?, byte[]> readMetadata) => entry is null ? null : new()
    {
        Metadata = entry.Metadata is null
            ? throw new RegistrationRefusedException("\"matchingService\" needs \"metadata\": the matching service's metadata file, relative to the config folder.")
            : readMetadata(entry.Metadata),
        AccountCreationUrl = entry.AccountCreationUrl,
        Trust = Trust(entry.Trust),
    };

    private static RegistrationRefusedException EmptyEntry() => new("the entry is null; give an object with at least \"metadata\" and \"levels\".");

    private static TrustKind? Trust(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null => null,
        "PINNED" => TrustKind.Pinned,
        "PKIX" => TrustKind.Pkix,
        _ => throw new RegistrationRefusedException($"\"trust\": '{value}' is not a trust kind; use \"pinned\" or \"pkix\", or leave it out for the role's default."),
    };

    private static AssertionMode Mode(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "HUB-ASSERTED" => AssertionMode.HubAsserted,
        "END-TO-END" => AssertionMode.EndToEnd,
        _ => throw new RegistrationRefusedException($"\"assertionMode\": '{value}' is not an assertion mode; use \"hub-asserted\" or \"end-to-end\"."),
    };

    private static BilingualText? Text(LocalizedTextConfig? text, string field) => text switch
    {
        null => null,
        { En: { } en } when !string.IsNullOrWhiteSpace(en) => new BilingualText(en, text.Cy),
        _ => throw new RegistrationRefusedException($"\"{field}\" needs an English text: {{\"en\": \"…\", \"cy\": \"…\"}} (Welsh optional)."),
    };

    private static DateTimeOffset? Instant(string? value, string field) =>
        value is null ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) ? instant
        : throw new RegistrationRefusedException($"\"{field}\": '{value}' is not a date and time; write it as ISO 8601, e.g. \"2027-03-31T23:00:00Z\".");
}
