using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Model;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Testing;

namespace Verify.Hub.Tests.Support;

/// <summary>
/// A fixed federation for the hub's endpoint tests: one RP (LEVEL_2) and three IDPs. The federation store's own
/// tests cover loading the same shape from PostgreSQL and SQLite; the end-to-end tests use the store.
/// </summary>
public sealed class TestDirectory : IHubDirectory, IHubDirectorySource
{
    public const string Rp = "https://rp.test";
    public const string RpAcs = "https://rp.test/SAML2/ACS";
    public const string IdpOne = "https://idp.test/stub-idp-one";
    public const string IdpTwo = "https://idp.test/stub-idp-two";
    public const string IdpLevel1Only = "https://idp.test/level-1-only";
    public const string IdpSso = "https://idp.test/SAML2/SSO";

    private readonly Dictionary<string, HubIdentityProvider> _idps;

    public TestDirectory()
    {
        RelyingParty = new HubRelyingParty
        {
            EntityId = Rp,
            DisplayName = "Test service",
            Levels = LevelOfAssuranceSet.Of(LevelOfAssurance.Level2),
            Trust = new PartyTrust
            {
                PartyId = Rp,
                Role = PartyRole.RelyingParty,
                Kind = TrustKind.Pinned,
                Certificates =
                [
                    new RegisteredCertificate(SampleCerts.Certificate("test-rp-signing"), KeyUse.Signing),
                    new RegisteredCertificate(SampleCerts.Certificate("test-rp-encryption"), KeyUse.Encryption),
                ],
            },
            AssertionConsumerServices = [new IndexedEndpoint { Binding = SamlBindings.HttpPost, Location = RpAcs, Index = 0, IsDefault = true }],
            OtherWaysText = "You can apply by post.",
        };
        _idps = new[]
        {
            Idp(IdpOne, "Stub IDP One", "stub-idp-signing", LevelOfAssurance.Level1, LevelOfAssurance.Level2),
            Idp(IdpTwo, "Stub IDP Two", "stub-idp-signing-ecdsa", LevelOfAssurance.Level1, LevelOfAssurance.Level2),
            Idp(IdpLevel1Only, "Level One Only", "stub-idp-signing", LevelOfAssurance.Level1),
        }.ToDictionary(i => i.EntityId);
    }

    /// <summary>The one RP; a test may change its registration (e.g. give it a matching service) before a journey starts.</summary>
    public HubRelyingParty RelyingParty { get; set; }

    /// <summary>More RPs a test registers (e.g. a second OIDC client), by entity ID or client ID.</summary>
    public Dictionary<string, HubRelyingParty> OtherRelyingParties { get; } = new(StringComparer.Ordinal);

    /// <summary>Registers one more IDP (e.g. an OpenID Connect IDP) for the rest of the test.</summary>
    public void AddIdentityProvider(HubIdentityProvider idp) => _idps[idp.EntityId] = idp;

    public HubRelyingParty? FindRelyingParty(string entityId) => entityId == Rp ? RelyingParty : OtherRelyingParties.GetValueOrDefault(entityId);

    public IReadOnlyList<HubRelyingParty> OidcClientsWithPostLogoutRedirectUri(string uri) =>
        [.. OtherRelyingParties.Values.Prepend(RelyingParty).Where(rp => rp.Oidc?.PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal) == true)];

    public HubIdentityProvider? FindIdentityProvider(string entityId) => _idps.GetValueOrDefault(entityId);

    public IReadOnlyList<HubIdentityProvider> IdentityProvidersFor(string rpEntityId, JourneyIntent intent) =>
        rpEntityId == Rp ? [.. _idps.Values.Where(i => i.CertifiedLevels.Intersect(RelyingParty.Levels) is not null).OrderBy(i => i.DisplayName, StringComparer.Ordinal)] : [];

    public IdpOffer? Find(string rpId, string idpId, JourneyIntent intent) =>
        IdentityProvidersFor(rpId, intent).FirstOrDefault(i => i.EntityId == idpId) is { } idp ? new IdpOffer(idp.EntityId, idp.CertifiedLevels) : null;

    public ValueTask<IHubDirectory> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<IHubDirectory>(this);

    private static HubIdentityProvider Idp(string entityId, string name, string signingCert, params LevelOfAssurance[] levels) => new()
    {
        EntityId = entityId,
        DisplayName = name,
        CertifiedLevels = LevelOfAssuranceSet.Of(levels),
        Trust = new PartyTrust
        {
            PartyId = entityId,
            Role = PartyRole.IdentityProvider,
            Kind = TrustKind.Pkix,
            Certificates = [new RegisteredCertificate(SampleCerts.Certificate(signingCert), KeyUse.Signing)],
        },
        SingleSignOnService = new Uri(IdpSso),
    };
}
