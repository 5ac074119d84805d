using Verify.Federation.Parties;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;

namespace Verify.Federation.Registration;

/// <summary>
/// A relying party's matching service after the federation's checks (ADR 0018): its metadata names it, its SOAP
/// attribute service (the match URL, https) and its keys (a signing certificate for its answers, an encryption
/// certificate for the hub's queries, each strong enough); the account-creation URL is https too. Only
/// <see cref="RelyingPartyRegistration.FromMetadata"/> makes one.
/// </summary>
public sealed class RegisteredMatchingService
{
    private RegisteredMatchingService(ParsedMetadata<AttributeAuthorityDescriptor> metadata, MatchingServiceSettings settings, bool allowLoopbackHttp)
    {
        EntityId = metadata.EntityId;
        MetadataXml = metadata.Xml;
        Descriptor = metadata.Role;

        // SAML Bindings 3.2: the hub asks the matching service over SOAP only.
        var soap = metadata.Role.AttributeService(SamlBindings.Soap)
            ?? throw new RegistrationRefusedException(
                $"Matching service '{EntityId}' has no md:AttributeService with the SOAP binding; the hub sends its queries over SOAP. Add an md:AttributeService Binding=\"{SamlBindings.Soap}\".");
        MetadataChecks.RequireSecureUrl(soap.Location, "matching service endpoint", allowLoopbackHttp);
        MatchUrl = soap.Location;
        if (settings.AccountCreationUrl is { } accountCreation)
        {
            MetadataChecks.RequireSecureUrl(accountCreation, "account-creation URL", allowLoopbackHttp);
            AccountCreationUrl = accountCreation;
        }

        // The hub checks the matching service's signed answers and encrypts the citizen's assertions for it.
        Certificates = MetadataChecks.Certificates(EntityId, metadata.Role);
        MetadataChecks.RequireCertificateFor(EntityId, Certificates, KeyUse.Signing, "the hub checks the matching service's answers with it");
        MetadataChecks.RequireCertificateFor(EntityId, Certificates, KeyUse.Encryption, "the hub encrypts the citizen's assertions for it");
        Trust = SettingsChecks.Trust(settings.Trust, PartyRole.MatchingService);
    }

    /// <summary>The matching service's entity ID, from its metadata.</summary>
    public string EntityId { get; }

    /// <summary>Its metadata exactly as received.</summary>
    public ReadOnlyMemory<byte> MetadataXml { get; }

    /// <summary>Its attribute authority role, the source of its endpoint and keys.</summary>
    public AttributeAuthorityDescriptor Descriptor { get; }

    /// <summary>Its SOAP attribute service: where the hub's match queries go.</summary>
    public string MatchUrl { get; }

    /// <summary>Where account-creation queries go, when registered.</summary>
    public string? AccountCreationUrl { get; }

    /// <summary>The certificates of its role.</summary>
    public IReadOnlyList<PartyCertificate> Certificates { get; }

    /// <summary>How its keys are trusted (pkix by default).</summary>
    public TrustKind Trust { get; }

    internal static RegisteredMatchingService From(MatchingServiceSettings settings, bool allowLoopbackHttp)
    {
        var parsed = MetadataChecks.Parse<AttributeAuthorityDescriptor>(settings.Metadata.Span, "AttributeAuthorityDescriptor", "a relying party or an identity provider");
        return new RegisteredMatchingService(parsed, settings, allowLoopbackHttp);
    }
}
