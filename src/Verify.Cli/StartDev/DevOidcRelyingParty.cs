using Verify.Federation;
using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Saml.Saml;
using Verify.Saml.Trust;
using Verify.TestRp;
using Verify.TestRp.Oidc;
using Verify.Web.Hosting;

namespace Verify.Cli.StartDev;

/// <summary>
/// The test RP's OpenID Connect registrations in the development federation (ADR 0024), beside its SAML ones, each
/// with the RP's redirect URI (exact), its <c>private_key_jwt</c> key as a registered JWKS, the <c>verified_claims</c>
/// scope with the five identity claims, and a sector of its own (so its pairwise <c>sub</c> is unrelated to any other
/// registration's): <see cref="ClientId"/> (LEVEL_1 and LEVEL_2, <c>?service=oidc</c>), and <see cref="MatchingClientId"/>
/// with the test RP's matching service, hub-asserted, cycle 3 asking for a National Insurance number and no account
/// creation, so a citizen without a record ends in <c>access_denied</c> (LEVEL_2, <c>?service=oidc-matching</c>, ADR 0026).
/// </summary>
internal static class DevOidcRelyingParty
{
    /// <summary>The client ID (not any SAML entity ID: one namespace, ADR 0021).</summary>
    public const string ClientId = TestRpOptions.DefaultEntityId + "/oidc";

    /// <summary>The sector of its pairwise <c>sub</c> (OIDC Core 8.1).</summary>
    public const string Sector = "https://rp.test/oidc-sector";

    /// <summary>The key of the registration with a matching service (the start page's <c>?service=</c>).</summary>
    public const string MatchingKey = "oidc-matching";

    /// <summary>Its client ID.</summary>
    public const string MatchingClientId = TestRpOptions.DefaultEntityId + "/oidc-matching";

    /// <summary>Its sector: its own, so its <c>sub</c> is unrelated to the other OIDC registration's.</summary>
    public const string MatchingSector = "https://rp.test/oidc-matching-sector";

    /// <summary>The claims both registrations release in <c>verified_claims</c>.</summary>
    public static IReadOnlyList<string> Claims { get; } = ["given_name", "middle_name", "family_name", "birthdate", "address"];

    /// <summary>
    /// The test RP's side of both. The client assertion key is the sample test RP signing key (development only: one key
    /// for the service's signatures in both protocols; a department may keep two).
    /// </summary>
    public static IReadOnlyList<TestRpOidcOptions> Options(DevKeys keys, WebAppEndpoint hubEndpoint, bool plainHttp)
    {
        // The hub's issuer: its public base URL with the root path (ADR 0021), compared exactly.
        var issuer = new Uri(hubEndpoint.PublicBaseUrl, "/");
        Func<HttpMessageHandler> backchannel = () =>
            DevHubBackchannel.Create(hubEndpoint.PublicBaseUrl, plainHttp ? null : (keys.Public("root-ca"), keys.Public("tls-ca")));
        return
        [
            new()
            {
                ClientId = ClientId,
                DisplayName = "Test service, OpenID Connect",
                Issuer = issuer,
                ClientAssertionCertificate = keys.WithKey("test-rp-signing"),
                RequestedLevels = [AuthnContexts.Level1, AuthnContexts.Level2],
                SignOut = true,
                Backchannel = backchannel,
            },
            new()
            {
                Key = MatchingKey,
                ClientId = MatchingClientId,
                DisplayName = "Test service with matching, OpenID Connect",
                Issuer = issuer,
                ClientAssertionCertificate = keys.WithKey("test-rp-signing"),

                // The matching service accepts LEVEL_2 (its default minimum), so the registration asks for nothing less.
                RequestedLevels = [AuthnContexts.Level2],
                SignOut = true,
                Backchannel = backchannel,
            },
        ];
    }

    /// <summary>Registers (or refreshes) the client without matching, for the RP at <paramref name="rpBaseUrl"/>.</summary>
    public static async Task RegisterAsync(FederationStore store, TestRpOidcOptions rp, Uri rpBaseUrl, bool allowLoopbackHttp, CancellationToken cancellationToken)
    {
        var settings = Settings(rp, rpBaseUrl, "Gwasanaeth prawf, OpenID Connect", ["LEVEL_1", "LEVEL_2"], Sector);
        await store.AddOrUpdateOidcRelyingPartyAsync(OidcRelyingPartyRegistration.Create(settings, allowLoopbackHttp), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers (or refreshes) the client with matching: the matching service from the metadata it publishes, pkix
    /// through the federation's rp-ca, on its loopback http endpoints (ADR 0020).
    /// </summary>
    public static async Task RegisterMatchingAsync(FederationStore store, TestRpOidcOptions rp, Uri rpBaseUrl, byte[] matchingServiceMetadata, CancellationToken cancellationToken)
    {
        var settings = Settings(rp, rpBaseUrl, "Gwasanaeth prawf gyda pharu, OpenID Connect", ["LEVEL_2"], MatchingSector) with
        {
            MatchingService = new MatchingServiceSettings { Metadata = matchingServiceMetadata, Trust = TrustKind.Pkix },
            Cycle3Attribute = DevMatchingRegistrations.Cycle3Attribute,
            AccountCreationAttributes = [],
        };
        await store.AddOrUpdateOidcRelyingPartyAsync(OidcRelyingPartyRegistration.Create(settings, allowLoopbackHttp: true), cancellationToken).ConfigureAwait(false);
    }

    private static OidcRelyingPartySettings Settings(TestRpOidcOptions rp, Uri rpBaseUrl, string welshName, IReadOnlyList<string> levels, string sector) => new()
    {
        ClientId = rp.ClientId,
        DisplayName = new BilingualText(rp.DisplayName, welshName),
        Levels = levels,
        RedirectUris = [new Uri(rpBaseUrl, TestRpPaths.OidcCallback).AbsoluteUri],
        PostLogoutRedirectUris = rp.SignOut ? [new Uri(rpBaseUrl, TestRpPaths.OidcSignedOut).AbsoluteUri] : [],
        Jwks = OidcClientKey.PublicJwks(rp.ClientAssertionCertificate),
        Scopes = ["openid", "verified_claims"],
        Claims = Claims,
        Sector = sector,
        ServiceHomepage = new Uri(rpBaseUrl, "?service=" + rp.Key).AbsoluteUri,
        OtherWaysToAccess = new BilingualText(
            "You can also use this service by post: write to Test Service, PO Box 1234, Testville TE1 1ST.",
            "Gallwch hefyd ddefnyddio'r gwasanaeth hwn drwy'r post: ysgrifennwch at Wasanaeth Prawf, Blwch Post 1234, Testville TE1 1ST."),
    };
}
