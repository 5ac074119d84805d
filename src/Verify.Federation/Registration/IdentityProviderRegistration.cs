using System.Globalization;

using Verify.Federation.Parties;
using Verify.Hub.Journey.Assurance;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;

namespace Verify.Federation.Registration;

/// <summary>
/// An identity provider's metadata and settings that passed every federation rule; only <see cref="FromMetadata"/>
/// makes one, so the store never holds a party that was not checked.
/// </summary>
public sealed class IdentityProviderRegistration
{
    private IdentityProviderRegistration(ParsedMetadata<IdpSsoDescriptor> metadata, IdentityProviderSettings settings, bool allowLoopbackHttp)
    {
        EntityId = metadata.EntityId;
        MetadataXml = metadata.Xml;
        Entity = metadata.Entity;
        Descriptor = metadata.Role;

        // Hub profile: the hub sends its AuthnRequest to the IDP by HTTP-POST (SAML Bindings 3.5).
        SingleSignOnUrl = metadata.Role.SingleSignOnService(SamlBindings.HttpPost)?.Location
            ?? throw new RegistrationRefusedException(
                $"Entity '{EntityId}' has no single sign-on service with the HTTP-POST binding; the hub sends AuthnRequests only by HTTP-POST. Add an md:SingleSignOnService Binding=\"{SamlBindings.HttpPost}\".");
        MetadataChecks.RequireSecureEndpoints(metadata.Role, metadata.Role.SingleSignOnServices, allowLoopbackHttp);

        // The hub checks every IDP response signature against a registered key (ARCHITECTURE.md).
        Certificates = MetadataChecks.Certificates(EntityId, metadata.Role);
        MetadataChecks.RequireCertificateFor(EntityId, Certificates, KeyUse.Signing, "the hub checks the IDP's response signatures with it");

        Levels = SettingsChecks.Levels(settings.Levels, EntityId);
        Trust = SettingsChecks.Trust(settings.Trust, PartyRole.IdentityProvider);
        DisplayName = SettingsChecks.DisplayName(settings.DisplayName, metadata.Entity, metadata.Role);
        Enabled = settings.Enabled;
        DisplayOrder = settings.DisplayOrder;
        OnboardingOnlyFor = OnboardingList(settings.OnboardingOnlyFor);
        ProvideRegistrationUntil = SettingsChecks.Instant(settings.ProvideRegistrationUntil);
        ProvideSignInUntil = SettingsChecks.Instant(settings.ProvideSignInUntil);
        TemporarilyUnavailable = settings.TemporarilyUnavailable;
        ContentHash = Registration.ContentHash.Of(metadata.Xml, [
            Levels.ToString(), ((int)Trust).ToString(CultureInfo.InvariantCulture), DisplayName.English, DisplayName.Welsh,
            DisplayOrder.ToString(CultureInfo.InvariantCulture), string.Join('\n', OnboardingOnlyFor),
            ProvideRegistrationUntil?.ToString("O", CultureInfo.InvariantCulture), ProvideSignInUntil?.ToString("O", CultureInfo.InvariantCulture),
            TemporarilyUnavailable ? "unavailable" : "available",
        ]);
    }

    /// <summary>The entity ID, from the metadata.</summary>
    public string EntityId { get; }

    /// <summary>The metadata exactly as received.</summary>
    public ReadOnlyMemory<byte> MetadataXml { get; }

    /// <summary>The metadata's entity, as read.</summary>
    public EntityDescriptor Entity { get; }

    /// <summary>The entity's IDP role, the source of its endpoint and keys.</summary>
    public IdpSsoDescriptor Descriptor { get; }

    /// <summary>The HTTP-POST single sign-on URL.</summary>
    public string SingleSignOnUrl { get; }

    /// <summary>Every certificate of the IDP role; at least one applies to signing.</summary>
    public IReadOnlyList<PartyCertificate> Certificates { get; }

    /// <summary>The levels of assurance the IDP is certified for.</summary>
    public LevelOfAssuranceSet Levels { get; }

    /// <summary>How its keys are trusted.</summary>
    public TrustKind Trust { get; }

    /// <summary>The name citizens see.</summary>
    public BilingualText DisplayName { get; }

    /// <summary>Whether the IDP is part of the federation.</summary>
    public bool Enabled { get; }

    /// <summary>Position on the "choose a company" page.</summary>
    public int DisplayOrder { get; }

    /// <summary>The RPs it is offered to while onboarding, sorted; empty for every RP.</summary>
    public IReadOnlyList<string> OnboardingOnlyFor { get; }

    /// <summary>Offered for registration only before this instant (UTC); null for no end.</summary>
    public DateTimeOffset? ProvideRegistrationUntil { get; }

    /// <summary>Offered for signing in only before this instant (UTC); null for no end.</summary>
    public DateTimeOffset? ProvideSignInUntil { get; }

    /// <summary>Hidden from citizens for now.</summary>
    public bool TemporarilyUnavailable { get; }

    internal string ContentHash { get; }

    /// <summary>Checks an IDP's metadata and settings against the federation's rules.</summary>
    /// <param name="metadata">The IDP's SAML metadata: one <c>md:EntityDescriptor</c> with an <c>md:IDPSSODescriptor</c>.</param>
    /// <param name="settings">What the operator decides: levels, trust, names, availability.</param>
    /// <param name="allowLoopbackHttp">Accept <c>http</c> URLs on loopback hosts (development only).</param>
    /// <exception cref="RegistrationRefusedException">A rule is broken; the message says which and what to do.</exception>
    public static IdentityProviderRegistration FromMetadata(ReadOnlySpan<byte> metadata, IdentityProviderSettings settings, bool allowLoopbackHttp = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parsed = MetadataChecks.Parse<IdpSsoDescriptor>(metadata, "IDPSSODescriptor", "a relying party");
        return new IdentityProviderRegistration(parsed, settings, allowLoopbackHttp);
    }

    private static List<string> OnboardingList(IReadOnlyList<string>? entityIds)
    {
        var list = (entityIds ?? []).Select(id => SettingsChecks.EntityId(id, "onboarding RP")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count <= RegistrationLimits.MaxOnboardingRelyingParties
            ? list
            : throw new RegistrationRefusedException($"An IDP can be restricted to at most {RegistrationLimits.MaxOnboardingRelyingParties} RPs while onboarding; leave the list empty to offer it to every RP.");
    }
}
