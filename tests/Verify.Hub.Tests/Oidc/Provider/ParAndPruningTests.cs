using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

using Verify.Hub.Oidc.Provider.Storage;
using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>Pushed authorization requests (RFC 9126) through a whole journey, and the pruning of used rows.</summary>
public sealed class ParAndPruningTests
{
    private HubHarness _hub = null!;
    private OidcTestClient _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _hub = await HubHarness.StartAsync();
        _client = new OidcTestClient(_hub);
        _client.Register();
    }

    [TearDown]
    public async Task StopAsync() => await _hub.DisposeAsync();

    [Test]
    public async Task PushedRequest_SignsInWithOnlyTheRequestUriInTheBrowser()
    {
        var form = _client.AuthorizeParameters();
        form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
        form["client_assertion"] = _client.Assertion();
        var pushed = await _hub.Client.PostFormAsync("/connect/par", form.Select(f => KeyValuePair.Create(f.Key, f.Value!)));
        var body = await pushed.Content.ReadAsStringAsync();
        Assert.That(pushed.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        using var json = JsonDocument.Parse(body);
        var requestUri = json.RootElement.GetProperty("request_uri").GetString()!;

        var start = await _client.FollowOnHubAsync(await _hub.Client.GetAsync(QueryHelpers.AddQueryString(
            "/connect/authorize", new Dictionary<string, string?> { ["client_id"] = _client.ClientId, ["request_uri"] = requestUri })));
        var callback = OidcTestClient.Callback(await OidcJourney.ThroughIdpAsync(_client, start));
        Assert.That(callback["state"], Is.EqualTo(_client.State));
        var tokens = await _client.RedeemAsync(callback["code"]);
        Assert.That(tokens.StatusCode, Is.EqualTo(HttpStatusCode.OK), await tokens.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task PushedRequest_WithoutClientAuthentication_IsRefused()
    {
        var pushed = await _hub.Client.PostFormAsync("/connect/par", _client.AuthorizeParameters().Select(f => KeyValuePair.Create(f.Key, f.Value!)));
        Assert.That(pushed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest).Or.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await OidcTestClient.ErrorOf(pushed), Is.EqualTo("invalid_client"));
    }

    [Test]
    public async Task Pruning_LeavesNoRowOfAUsedUpSignIn()
    {
        // A code used twice: what its first use issued is revoked. OpenIddict removes the used code and request
        // token itself; the pruning job removes what is left once old. (OpenIddict's store reads expiry against the
        // system clock, so rows that are merely expired cannot be aged here with the fake one.)
        var code = (await OidcJourney.SignInAsync(_client))["code"];
        Assert.That((await _client.RedeemAsync(code)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _client.RedeemAsync(code)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        _hub.Time.Advance(TokenPruning.KeepFor + TimeSpan.FromMinutes(10));
        await _hub.Services.GetRequiredService<TokenPruning>().PruneAsync(CancellationToken.None);
        using var scope = _hub.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Verify.OidcProvider.Storage.OidcProviderDbContext>();
        Assert.Multiple(() =>
        {
            Assert.That(db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().Count(), Is.Zero);
            Assert.That(db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization>().Count(), Is.Zero);
        });
    }
}
