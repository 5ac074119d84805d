using System.Net;
using System.Security.Cryptography;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Oidc.Provider.Clients;
using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>
/// A client whose keys are at its <c>jwks_uri</c> (issue 7: "a cache, and one refetch on an unknown kid"), against a
/// local https JWKS server: a rotated key is picked up after one refetch; unknown kids refetch at most once per interval
/// (a refused assertion is invalid_client, 401: RFC 6749 5.2).
/// </summary>
public sealed class JwksUriRefetchTests
{
    private JwksServer _server = null!;
    private FakeTimeProvider _keysTime = null!;
    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _server = await JwksServer.StartAsync();
        _keysTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var keys = new ClientKeys(_keysTime, allowLoopback: false, _server.Handler());
        _hub = await HubHarness.StartAsync(configureServices: s => s.AddSingleton(keys));
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _hub.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task AKeyRotatedAtTheRp_IsPickedUpAfterOneRefetch()
    {
        var first = Client(_hub, "rp-key-1");
        _server.Jwks = first.Jwks();
        Assert.That(await RedeemAsync(first), Is.EqualTo(HttpStatusCode.OK));

        // The RP rotates: its JWKS now holds only the new key, which the hub's cached set lacks.
        var rotated = Client(_hub, "rp-key-2");
        _server.Jwks = rotated.Jwks();
        _keysTime.Advance(ClientKeys.MinRefetchInterval);

        Assert.Multiple(async () =>
        {
            Assert.That(await RedeemAsync(rotated), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_server.Requests, Is.EqualTo(2), "one fetch, then one refetch for the unknown kid");
            Assert.That(await RedeemAsync(Client(_hub, "rp-key-1")), Is.EqualTo(HttpStatusCode.Unauthorized), "the withdrawn key no longer authenticates");
        });
    }

    [Test]
    public async Task UnknownKidsTwiceInQuickSuccession_RefetchOnce_AndAreRefused()
    {
        var client = Client(_hub, "rp-key-1");
        _server.Jwks = client.Jwks();
        Assert.That(await RedeemAsync(client), Is.EqualTo(HttpStatusCode.OK));
        _keysTime.Advance(ClientKeys.MinRefetchInterval);

        var attacker = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "random-kid-1" };
        var again = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "random-kid-2" };

        Assert.Multiple(async () =>
        {
            Assert.That(await RedeemAsync(client, attacker), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await RedeemAsync(client, again), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(_server.Requests, Is.EqualTo(2), "the first fetch and one refetch, not one per random kid");
            Assert.That(await RedeemAsync(client), Is.EqualTo(HttpStatusCode.OK), "the client's own key still works from the cache");
            Assert.That(_server.Requests, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task AJwksUriOnAnInternalAddress_IsNeverFetched()
    {
        // The production handler: the loopback server is refused whatever name leads to it.
        var keys = new ClientKeys(new FakeTimeProvider(), allowLoopback: false);

        Assert.Multiple(async () =>
        {
            Assert.That(await keys.GetAsync(new Uri($"https://127.0.0.1:{_server.Port}/jwks"), CancellationToken.None), Is.Null);
            Assert.That(await keys.GetAsync(new Uri($"https://localhost:{_server.Port}/jwks"), CancellationToken.None), Is.Null);
            Assert.That(await keys.RefetchAsync(new Uri($"https://localhost:{_server.Port}/jwks"), "kid", CancellationToken.None), Is.Null);
            Assert.That(_server.Requests, Is.Zero);
        });
    }

    private OidcTestClient Client(HubHarness hub, string kid)
    {
        var client = new OidcTestClient(hub, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = kid });
        client.Register(c => c with { JsonWebKeySet = null, JwksUri = _server.Uri });
        return client;
    }

    // A whole sign-in, then the token request with a client assertion signed by key (the client's own by default).
    private static async Task<HttpStatusCode> RedeemAsync(OidcTestClient client, SecurityKey? key = null)
    {
        var callback = await OidcJourney.SignInAsync(client);
        var response = await client.RedeemAsync(callback["code"], ("client_assertion", client.Assertion(key)));
        return response.StatusCode;
    }
}
