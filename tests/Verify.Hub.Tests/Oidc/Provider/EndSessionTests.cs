using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.WebUtilities;

using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>
/// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the browser goes back only to a post-logout redirect
/// URI registered exactly for the client the ID token hint names; a hint the hub did not sign, or a URI not registered,
/// is refused on the hub's own page and never redirected to (an open redirect otherwise).
/// </summary>
public sealed class EndSessionTests
{
    private const string PostLogoutUri = "https://rp.test/signed-out";

    private HubHarness _hub = null!;
    private OidcTestClient _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _hub = await HubHarness.StartAsync();
        _client = new OidcTestClient(_hub);
        _client.Register(c => c with { PostLogoutRedirectUris = [PostLogoutUri] });
    }

    [TearDown]
    public async Task StopAsync() => await _hub.DisposeAsync();

    [Test]
    public async Task WithTheHubsIdTokenAndARegisteredUri_RedirectsThereWithState()
    {
        var idToken = await IdTokenAsync();

        var response = await EndSessionAsync(idToken, PostLogoutUri, "bye-1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), (await response.Content.ReadAsStringAsync())[..Math.Min(3000, (int)(response.Content.Headers.ContentLength ?? 3000))]);
        var location = response.Headers.Location!;
        Assert.Multiple(() =>
        {
            Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(PostLogoutUri));
            Assert.That(QueryHelpers.ParseQuery(location.Query)["state"].ToString(), Is.EqualTo("bye-1"));
        });
    }

    [TestCase("https://rp.test/signed-out/")]
    [TestCase("https://attacker.test/signed-out")]
    [TestCase("https://rp.test/signed-out?next=https://attacker.test")]
    public async Task AUriNotRegisteredExactly_IsNeverRedirectedTo(string uri)
    {
        var idToken = await IdTokenAsync();

        var response = await EndSessionAsync(idToken, uri, "bye-2");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Headers.Location, Is.Null);
        });
    }

    [Test]
    public async Task AnIdTokenHintWithABrokenSignature_IsNeverRedirectedFrom()
    {
        var idToken = await IdTokenAsync();
        var parts = idToken.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        var tampered = $"{parts[0]}.{parts[1]}.{new string(signature)}";

        var response = await EndSessionAsync(tampered, PostLogoutUri, "bye-3");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), response.Headers.Location?.ToString());
            Assert.That(response.Headers.Location, Is.Null);
        });
    }

    private async Task<HttpResponseMessage> EndSessionAsync(string idTokenHint, string postLogoutRedirectUri, string state) =>
        await _hub.Client.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idTokenHint,
            ["post_logout_redirect_uri"] = postLogoutRedirectUri,
            ["state"] = state,
        }));

    private async Task<string> IdTokenAsync()
    {
        var callback = await OidcJourney.SignInAsync(_client);
        var redeemed = await _client.RedeemAsync(callback["code"]);
        using var tokens = JsonDocument.Parse(await redeemed.Content.ReadAsStringAsync());
        return tokens.RootElement.GetProperty("id_token").GetString()!;
    }
}
