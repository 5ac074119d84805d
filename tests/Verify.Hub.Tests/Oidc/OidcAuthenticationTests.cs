using System.Net;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using OpenIddict.Client;
using OpenIddict.Server;

using Verify.Hub.Oidc.Provider;
using Verify.Hub.Tests.Support;

namespace Verify.Hub.Tests.Oidc;

/// <summary>
/// ADR 0021 addendum: the authentication middleware (OpenIddict's server and client handlers) runs on OpenIddict's
/// endpoint paths only, taken from OpenIddict's own options, and matched at least as loosely as OpenIddict matches.
/// </summary>
public sealed class OidcAuthenticationTests
{
    private HubHarness _hub = null!;

    [OneTimeSetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync();

    [OneTimeTearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    private PathString[] Paths => OidcAuthentication.EndpointPaths(
        _hub.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value,
        _hub.Services.GetRequiredService<IOptions<OpenIddictClientOptions>>().Value);

    [Test]
    public void ThePaths_AreEveryEndpointOfTheProviderAndTheClientsCallback()
    {
        Assert.That(Paths.Select(p => p.Value), Is.EquivalentTo(new[]
        {
            OidcProviderPaths.Discovery, OidcProviderPaths.Jwks, OidcProviderPaths.Authorize, OidcProviderPaths.PushedAuthorization,
            OidcProviderPaths.Token, OidcProviderPaths.UserInfo, OidcProviderPaths.EndSession, HubPaths.OidcClientCallback,
        }));
    }

    [TestCase("/connect/token", true)]
    [TestCase("/connect/token/", true)]
    [TestCase("/CONNECT/Token", true)]
    [TestCase("/.well-known/openid-configuration", true)]
    [TestCase("/oidc/client/callback", true)]
    [TestCase("/connect/tokens", false)]
    [TestCase("/connect/token/x", false)]
    [TestCase("/connect", false)]
    [TestCase(HubPaths.SingleSignOn, false)]
    [TestCase(HubPaths.AssertionConsumer, false)]
    [TestCase(HubPaths.Start, false)]
    [TestCase(HubPaths.ChooseCompany, false)]
    [TestCase("/", false)]
    public void APath_IsOpenIddictsOrNot(string path, bool expected) =>
        Assert.That(OidcAuthentication.IsOidcPath(new PathString(path), Paths), Is.EqualTo(expected));

    [Test]
    public async Task OpenIddictsEndpoints_AreStillAnswered_AndPagesStillServed()
    {
        using var discovery = await _hub.Client.GetAsync(OidcProviderPaths.Discovery);
        using var start = await _hub.Client.GetAsync(HubPaths.Start);
        Assert.Multiple(() =>
        {
            Assert.That(discovery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(discovery.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));

            // No journey: the page's own answer, not an authentication failure.
            Assert.That(start.StatusCode, Is.AnyOf(HttpStatusCode.Redirect, HttpStatusCode.Found));
            Assert.That(start.Headers.Location?.OriginalString, Does.EndWith(HubPaths.NoSession));
        });
    }
}
