using System.Security.Cryptography.X509Certificates;

using Verify.Federation.Storage.Entities;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Model;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

namespace Verify.Federation.Parties;

/// <summary>
/// A registered identity provider, as a <see cref="FederationSnapshot"/> or <see cref="FederationStore"/> gives it:
/// immutable, read from the store. Its response signatures are checked with <c>TrustPolicy.SigningKeys(idp.Trust)</c>.
/// </summary>
public sealed class IdentityProvider
{
    internal IdentityProvider(IdentityProviderEntity row, EntityDescriptor entity, IdpSsoDescriptor descriptor)
    {
        EntityId = row.EntityId;
        DisplayName = new BilingualText(row.DisplayNameEn, row.DisplayNameCy);
        Enabled = row.Enabled;
        Levels = PartyLevels.Parse(row.Levels);
        TrustKind = (TrustKind)row.TrustKind;
        Entity = entity;
        Descriptor = descriptor;
        Trust = PartyTrust.FromMetadata(EntityId, PartyRole.IdentityProvider, TrustKind, descriptor);
        MetadataXml = row.MetadataXml;
        SingleSignOnUrl = row.SingleSignOnUrl;
        DisplayOrder = row.DisplayOrder;
        OnboardingOnlyFor = [.. row.OnboardingOnlyFor.Select(o => o.RelyingPartyEntityId).Order(StringComparer.Ordinal)];
        ProvideRegistrationUntil = row.ProvideRegistrationUntil;
        ProvideSignInUntil = row.ProvideSignInUntil;
        TemporarilyUnavailable = row.TemporarilyUnavailable;
        Certificates = [.. row.Certificates.Select(c => new PartyCertificate(X509CertificateLoader.LoadCertificate(c.Der), (KeyUse)c.Use))];
        CreatedAt = row.CreatedAt;
        UpdatedAt = row.UpdatedAt;
    }

    /// <summary>The entity ID.</summary>
    public string EntityId { get; }

    /// <summary>The name citizens see.</summary>
    public BilingualText DisplayName { get; }

    /// <summary>Whether it is part of the federation. A snapshot's lookups treat a disabled IDP as unknown.</summary>
    public bool Enabled { get; }

    /// <summary>The levels of assurance it is certified for.</summary>
    public LevelOfAssuranceSet Levels { get; }

    /// <summary>How its keys are trusted (PKIX by default for IDPs).</summary>
    public TrustKind TrustKind { get; }

    /// <summary>The IDP as trust sees it: give it to <c>TrustPolicy.SigningKeys</c> to check its responses.</summary>
    public PartyTrust Trust { get; }

    /// <summary>Its registered metadata's entity (what federation metadata republishes).</summary>
    public EntityDescriptor Entity { get; }

    /// <summary>Its IDP role, as registered.</summary>
    public IdpSsoDescriptor Descriptor { get; }

    /// <summary>Its metadata exactly as registered.</summary>
    public ReadOnlyMemory<byte> MetadataXml { get; }

    /// <summary>Where the hub POSTs its AuthnRequest.</summary>
    public string SingleSignOnUrl { get; }

    /// <summary>Position on the "choose a company" page; lower first.</summary>
    public int DisplayOrder { get; }

    /// <summary>While onboarding, the only RPs it is offered to; empty for every RP.</summary>
    public IReadOnlyList<string> OnboardingOnlyFor { get; }

    /// <summary>Soft disconnect: offered for registration only before this instant.</summary>
    public DateTimeOffset? ProvideRegistrationUntil { get; }

    /// <summary>Soft disconnect: offered for signing in only before this instant.</summary>
    public DateTimeOffset? ProvideSignInUntil { get; }

    /// <summary>Hidden from citizens for now; journeys under way still complete.</summary>
    public bool TemporarilyUnavailable { get; }

    /// <summary>The certificates of its registered metadata.</summary>
    public IReadOnlyList<PartyCertificate> Certificates { get; }

    /// <summary>When it was first registered.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When its registration last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>
    /// Whether a citizen of <paramref name="rp"/> may choose this IDP for <paramref name="intent"/> at
    /// <paramref name="now"/> (VERIFY-REFERENCE.md, select IDP): both enabled, the IDP available, onboarded for the RP,
    /// offering that intent now (soft disconnect), and certified for a level the RP accepts.
    /// </summary>
    public bool IsOfferedTo(RelyingParty rp, JourneyIntent intent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rp);
        return rp.Enabled && IsOfferedToRp(rp.EntityId, rp.Levels, intent, now);
    }

    /// <summary>The same rule for an enabled RP of either protocol, by its ID and accepted levels (ADR 0021: OIDC RPs too).</summary>
    internal bool IsOfferedToRp(string rpId, LevelOfAssuranceSet rpLevels, JourneyIntent intent, DateTimeOffset now) =>
        Enabled
        && !TemporarilyUnavailable
        && (OnboardingOnlyFor.Count == 0 || OnboardingOnlyFor.Contains(rpId, StringComparer.Ordinal))
        && Offers(intent, now)
        && Levels.Intersect(rpLevels) is not null;

    /// <summary>Soft disconnect: whether <paramref name="intent"/> is still provided at <paramref name="now"/> (the "until" instant is excluded).</summary>
    public bool Offers(JourneyIntent intent, DateTimeOffset now)
    {
        var until = intent switch
        {
            JourneyIntent.Registration => ProvideRegistrationUntil,
            JourneyIntent.SignIn => ProvideSignInUntil,
            _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "Unknown journey intent."),
        };
        return until is not { } end || now < end;
    }

    /// <inheritdoc />
    public override string ToString() => EntityId;
}
