using Verify.Federation;
using Verify.Federation.Registration;
using Verify.StubIdp;
using Verify.TestRp;
using Verify.Web.Hosting;

namespace Verify.Cli.StartDev;

/// <summary>
/// The stub IDPs and the test RP as the federation registers them. <c>config/</c> holds their metadata for the default
/// layout (HTTPS on the default ports); when start-dev runs them elsewhere (plain http, other ports) their
/// registrations are refreshed from the metadata they publish at their actual URLs, keeping the settings (levels,
/// trust, names) that <c>config/</c> gave them.
/// </summary>
internal sealed class DevParties(StubIdpOptions stub, WebAppEndpoint idpEndpoint, TestRpOptions rp, WebAppEndpoint rpEndpoint)
{
    public IEnumerable<(string Slug, byte[] Metadata)> StubIdpMetadata() =>
        stub.Idps.Select(idp => (idp.Slug, System.Text.Encoding.UTF8.GetBytes(StubIdpApp.RegistrationMetadata(stub, idpEndpoint, idp.Slug).OuterXml)));

    public byte[] TestRpMetadataXml() => System.Text.Encoding.UTF8.GetBytes(TestRpMetadata.Build(rp, rpEndpoint.PublicBaseUrl).OuterXml);

    /// <summary>
    /// The test RP's matching registrations (<see cref="DevMatchingRegistrations"/>), registered from the metadata it
    /// publishes for each and the matching service's own, and its OpenID Connect one with matching
    /// (<see cref="DevOidcRelyingParty.MatchingKey"/>, ADR 0026). Loopback http is accepted for the matching service's
    /// endpoints, which start-dev serves on 127.0.0.1 (ADR 0020).
    /// </summary>
    public async Task RegisterMatchingAsync(FederationStore store, DevMatchingService matchingService, CancellationToken cancellationToken)
    {
        var metadata = await matchingService.MetadataAsync(cancellationToken).ConfigureAwait(false);
        foreach (var service in rp.Services)
        {
            var settings = DevMatchingRegistrations.Settings(service, metadata, matchingService.Paths.AccountCreationUrl, rpEndpoint.PublicBaseUrl);
            var rpMetadata = System.Text.Encoding.UTF8.GetBytes(TestRpMetadata.Build(rp, rpEndpoint.PublicBaseUrl, service).OuterXml);
            await store.AddOrUpdateRelyingPartyAsync(RelyingPartyRegistration.FromMetadata(rpMetadata, settings, allowLoopbackHttp: true), cancellationToken)
                .ConfigureAwait(false);
        }

        foreach (var oidc in rp.OidcClients.Where(c => c.Key == DevOidcRelyingParty.MatchingKey))
        {
            await DevOidcRelyingParty.RegisterMatchingAsync(store, oidc, rpEndpoint.PublicBaseUrl, metadata, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RegisterAsync(FederationStore store, bool allowLoopbackHttp, CancellationToken cancellationToken)
    {
        // The OIDC registrations without matching; the one with it waits for the matching service (RegisterMatchingAsync).
        foreach (var oidc in rp.OidcClients.Where(c => c.Key != DevOidcRelyingParty.MatchingKey))
        {
            await DevOidcRelyingParty.RegisterAsync(store, oidc, rpEndpoint.PublicBaseUrl, allowLoopbackHttp, cancellationToken).ConfigureAwait(false);
        }

        await DevOidcIdentityProvider.RegisterAsync(store, idpEndpoint, allowLoopbackHttp, cancellationToken).ConfigureAwait(false);
        foreach (var idp in stub.Idps)
        {
            if (await store.GetIdentityProviderAsync(idp.EntityId, cancellationToken).ConfigureAwait(false) is not { } registered)
            {
                continue;
            }

            var metadata = StubIdpApp.RegistrationMetadata(stub, idpEndpoint, idp.Slug);
            var settings = new IdentityProviderSettings
            {
                Levels = [.. registered.Levels.Select(l => l.Name)],
                Trust = registered.TrustKind,
                DisplayName = registered.DisplayName,
                Enabled = registered.Enabled,
                DisplayOrder = registered.DisplayOrder,
                OnboardingOnlyFor = registered.OnboardingOnlyFor,
                ProvideRegistrationUntil = registered.ProvideRegistrationUntil,
                ProvideSignInUntil = registered.ProvideSignInUntil,
                TemporarilyUnavailable = registered.TemporarilyUnavailable,
            };
            await store.AddOrUpdateIdentityProviderAsync(
                IdentityProviderRegistration.FromMetadata(System.Text.Encoding.UTF8.GetBytes(metadata.OuterXml), settings, allowLoopbackHttp), cancellationToken)
                .ConfigureAwait(false);
        }

        if (await store.GetRelyingPartyAsync(rp.EntityId, cancellationToken).ConfigureAwait(false) is { } party)
        {
            var settings = new RelyingPartySettings
            {
                Levels = [.. party.Levels.Select(l => l.Name)],
                Trust = party.TrustKind,
                DisplayName = party.DisplayName,
                Enabled = party.Enabled,
                ServiceHomepage = party.ServiceHomepage,
                OtherWaysToAccess = party.OtherWaysToAccess,
                MatchingServiceEntityId = party.MatchingServiceEntityId,
                MatchingService = party.Matching is { } matching
                    ? new MatchingServiceSettings { Metadata = matching.MetadataXml, AccountCreationUrl = matching.AccountCreationUrl, Trust = matching.TrustKind }
                    : null,
                Cycle3Attribute = party.Matching?.Cycle3Attribute,
                AccountCreationAttributes = party.Matching?.AccountCreationAttributes,
                AssertionMode = party.AssertionMode,
            };
            await store.AddOrUpdateRelyingPartyAsync(RelyingPartyRegistration.FromMetadata(TestRpMetadataXml(), settings, allowLoopbackHttp), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
