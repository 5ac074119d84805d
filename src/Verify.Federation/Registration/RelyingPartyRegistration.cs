using System.Globalization;

using Verify.Federation.Parties;
using Verify.Hub.Journey.Assurance;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

namespace Verify.Federation.Registration;

/// <summary>
/// A relying party's metadata and settings that passed every federation rule; only <see cref="FromMetadata"/> makes
/// one, so the store never holds a party that was not checked. The hub takes the RP's ACS URLs and keys from here.
/// </summary>
public sealed class RelyingPartyRegistration
{
    private RelyingPartyRegistration(ParsedMetadata<SpSsoDescriptor> metadata, RelyingPartySettings settings, bool allowLoopbackHttp)
    {
        EntityId = metadata.EntityId;
        MetadataXml = metadata.Xml;
        Entity = metadata.Entity;
        Descriptor = metadata.Role;

        // SAML Bindings 3.5: the hub answers RPs by HTTP-POST only, so other ACS bindings are not registered.
        var post = metadata.Role.AssertionConsumerServices.Where(e => e.Binding == AssertionConsumerService.Binding).ToList();
        if (post.Count == 0)
        {
            throw new RegistrationRefusedException(
                $"Entity '{EntityId}' has no assertion consumer service with the HTTP-POST binding; the hub sends responses only by HTTP-POST. Add an md:AssertionConsumerService Binding=\"{AssertionConsumerService.Binding}\".");
        }

        MetadataChecks.RequireSecureEndpoints(metadata.Role, metadata.Role.AssertionConsumerServices, allowLoopbackHttp);

        // SAML Metadata 2.2.3, applied among the HTTP-POST endpoints once, here, so the default never depends on reading order later.
        var chosen = IndexedEndpoint.SelectDefault(post)!;
        AssertionConsumerServices = [.. post.Select(e => new AssertionConsumerService(e.Location, e.Index, ReferenceEquals(e, chosen)))];

        // The hub checks the RP's signed requests and encrypts its assertions for the RP: it needs both keys.
        Certificates = MetadataChecks.Certificates(EntityId, metadata.Role);
        MetadataChecks.RequireCertificateFor(EntityId, Certificates, KeyUse.Signing, "the hub checks the RP's AuthnRequest signatures with it");
        MetadataChecks.RequireCertificateFor(EntityId, Certificates, KeyUse.Encryption, "the hub encrypts the RP's assertions for it");

        Levels = SettingsChecks.Levels(settings.Levels, EntityId);
        Trust = SettingsChecks.Trust(settings.Trust, PartyRole.RelyingParty);
        DisplayName = SettingsChecks.DisplayName(settings.DisplayName, metadata.Entity, metadata.Role);
        Enabled = settings.Enabled;
        if (settings.ServiceHomepage is { } homepage)
        {
            MetadataChecks.RequireSecureUrl(homepage, "service homepage", allowLoopbackHttp);
            ServiceHomepage = homepage;
        }

        OtherWaysToAccess = settings.OtherWaysToAccess is { } other
            ? SettingsChecks.Text(other, RegistrationLimits.OtherWaysLength, "\"other ways to access the service\" text")
            : null;
        MatchingServiceEntityId = settings.MatchingServiceEntityId is { } ms ? SettingsChecks.EntityId(ms, "matching service entity ID") : null;
        (MatchingService, Cycle3Attribute, AccountCreationAttributes, AssertionMode) = MatchingChecks.Check(EntityId, settings, allowLoopbackHttp);
        MatchingServiceEntityId ??= MatchingService?.EntityId;
        if (MatchingService is { } registered && registered.EntityId != MatchingServiceEntityId)
        {
            throw new RegistrationRefusedException(
                $"The matching service entity ID '{MatchingServiceEntityId}' is not the one its metadata names ('{registered.EntityId}'); give the metadata's, or leave it out.");
        }

        // Existing hashes stay as they were for RPs without matching settings, so re-importing them changes nothing.
        string?[] matching = MatchingService is null && AssertionMode == AssertionMode.HubAsserted ? [] :
        [
            MatchingService is null ? null : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(MatchingService.MetadataXml.Span)),
            MatchingService?.AccountCreationUrl, MatchingService is null ? null : ((int)MatchingService.Trust).ToString(CultureInfo.InvariantCulture),
            Cycle3Attribute, string.Join(',', AccountCreationAttributes), ((int)AssertionMode).ToString(CultureInfo.InvariantCulture),
        ];
        ContentHash = Registration.ContentHash.Of(metadata.Xml, [
            Levels.ToString(), ((int)Trust).ToString(CultureInfo.InvariantCulture), DisplayName.English, DisplayName.Welsh,
            ServiceHomepage, OtherWaysToAccess?.English, OtherWaysToAccess?.Welsh, MatchingServiceEntityId, .. matching,
        ]);
    }

    /// <summary>The entity ID, from the metadata.</summary>
    public string EntityId { get; }

    /// <summary>The metadata exactly as received.</summary>
    public ReadOnlyMemory<byte> MetadataXml { get; }

    /// <summary>The metadata's entity, as read.</summary>
    public EntityDescriptor Entity { get; }

    /// <summary>The entity's SP role, the source of its endpoints and keys.</summary>
    public SpSsoDescriptor Descriptor { get; }

    /// <summary>The HTTP-POST assertion consumer services; exactly one is the default.</summary>
    public IReadOnlyList<AssertionConsumerService> AssertionConsumerServices { get; }

    /// <summary>Every certificate of the SP role; at least one applies to signing and one to encryption.</summary>
    public IReadOnlyList<PartyCertificate> Certificates { get; }

    /// <summary>The levels of assurance the RP accepts.</summary>
    public LevelOfAssuranceSet Levels { get; }

    /// <summary>How its keys are trusted.</summary>
    public TrustKind Trust { get; }

    /// <summary>The name citizens see.</summary>
    public BilingualText DisplayName { get; }

    /// <summary>Whether the hub accepts its requests.</summary>
    public bool Enabled { get; }

    /// <summary>The service's start page, if given.</summary>
    public string? ServiceHomepage { get; }

    /// <summary>"Other ways to access the service", if given.</summary>
    public BilingualText? OtherWaysToAccess { get; }

    /// <summary>The RP's matching service's entity ID, if any (recorded only, unless <see cref="MatchingService"/> is registered).</summary>
    public string? MatchingServiceEntityId { get; }

    /// <summary>The RP's matching service, when the hub matches for it.</summary>
    public RegisteredMatchingService? MatchingService { get; }

    /// <summary>The cycle 3 attribute the citizen is asked for after a no-match, or null.</summary>
    public string? Cycle3Attribute { get; }

    /// <summary>The attributes asked for when an account is created; empty when the RP creates none.</summary>
    public IReadOnlyList<string> AccountCreationAttributes { get; }

    /// <summary>Hub-asserted or end-to-end.</summary>
    public AssertionMode AssertionMode { get; }

    internal string ContentHash { get; }

    /// <summary>Checks an RP's metadata and settings against the federation's rules.</summary>
    /// <param name="metadata">The RP's SAML metadata: one <c>md:EntityDescriptor</c> with an <c>md:SPSSODescriptor</c>.</param>
    /// <param name="settings">What the operator decides: levels, trust, names, homepage.</param>
    /// <param name="allowLoopbackHttp">Accept <c>http</c> URLs on loopback hosts (development only).</param>
    /// <exception cref="RegistrationRefusedException">A rule is broken; the message says which and what to do.</exception>
    public static RelyingPartyRegistration FromMetadata(ReadOnlySpan<byte> metadata, RelyingPartySettings settings, bool allowLoopbackHttp = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parsed = MetadataChecks.Parse<SpSsoDescriptor>(metadata, "SPSSODescriptor", "an identity provider");
        return new RelyingPartyRegistration(parsed, settings, allowLoopbackHttp);
    }
}
