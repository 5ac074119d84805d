using System.Net;

using Verify.Hub.Journey.Assurance;
using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>
/// Authorization requests that break one thing (issue 7's attack list): each is refused with the right OAuth error
/// and starts no journey. A redirect URI that is not exactly registered is never redirected to (RFC 6749 4.1.2.1):
/// the hub shows the error itself.
/// </summary>
public sealed class AuthorizeAttackTests
{
    private HubHarness _hub = null!;
    private OidcTestClient _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _hub = await HubHarness.StartAsync();
        _client = new OidcTestClient(_hub);
        _client.Register(levels: LevelOfAssuranceSet.Of(LevelOfAssurance.Level1, LevelOfAssurance.Level2));
    }

    [TearDown]
    public async Task StopAsync() => await _hub.DisposeAsync();

    [TestCase("https://rp.test/oidc/callback/extra", TestName = "RedirectUri_ExtraPath")]
    [TestCase("https://rp.test/oidc/callback?x=1", TestName = "RedirectUri_ExtraQuery")]
    [TestCase("https://RP.test/oidc/Callback", TestName = "RedirectUri_Case")]
    [TestCase("http://rp.test/oidc/callback", TestName = "RedirectUri_Scheme")]
    [TestCase("https://rp.test/oidc/callback/", TestName = "RedirectUri_TrailingSlash")]
    public async Task RedirectUriNotExactlyRegistered_IsRefusedOnTheHubAndNeverRedirected(string redirectUri)
    {
        var response = await _client.AuthorizeAsync(("redirect_uri", redirectUri));
        await AssertRefusedOnHubAsync(response, "invalid_request");
    }

    [Test]
    public async Task UnknownClient_IsRefusedOnTheHub()
    {
        var response = await _client.AuthorizeAsync(("client_id", "https://unknown.test"));
        await AssertRefusedOnHubAsync(response, "invalid_request");
    }

    [TestCase("token", TestName = "Implicit_Token")]
    [TestCase("id_token", TestName = "Implicit_IdToken")]
    [TestCase("code id_token", TestName = "Hybrid")]
    public async Task ImplicitOrHybridFlow_IsRefused(string responseType)
    {
        var response = await _client.AuthorizeAsync(("response_type", responseType), ("response_mode", null));
        var error = await ErrorOfAsync(response);
        Assert.That(error, Is.EqualTo("unsupported_response_type").Or.EqualTo("unauthorized_client"));
        AssertNoJourney();
    }

    [Test]
    public async Task PkceMissing_IsRefused()
    {
        var response = await _client.AuthorizeAsync(("code_challenge", null), ("code_challenge_method", null));
        Assert.That(await ErrorOfAsync(response), Is.EqualTo("invalid_request"));
        AssertNoJourney();
    }

    [Test]
    public async Task PkcePlain_IsRefused()
    {
        var response = await _client.AuthorizeAsync(("code_challenge", _client.Verifier), ("code_challenge_method", "plain"));
        Assert.That(await ErrorOfAsync(response), Is.EqualTo("invalid_request"));
        AssertNoJourney();
    }

    [Test]
    public async Task AcrAboveWhatTheClientMayRequest_IsRefusedAndAudited()
    {
        var response = await _client.AuthorizeAsync(("acr_values", LevelOfAssurance.Level3.AuthnContext));
        Assert.That(await ErrorOfAsync(response), Is.EqualTo("invalid_request"));
        AssertNoJourney();
        Assert.That(_hub.Recorded.Events.OfType<Verify.Audit.Events.AuthnRequestRefused>().Single().ErrorCode.ToString(), Is.EqualTo("acr_not_allowed"));
    }

    [Test]
    public async Task AcrWithinRegistration_StartsAJourneyAtThatLevel()
    {
        var response = await _client.AuthorizeAsync(("acr_values", LevelOfAssurance.Level1.AuthnContext));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var journey = await Flow.CurrentAsync(_hub);
        Assert.That(journey!.Rp.AcceptedLevels, Is.EqualTo(LevelOfAssuranceSet.Of(LevelOfAssurance.Level1)));
    }

    [Test]
    public async Task UnregisteredScope_IsRefused()
    {
        var response = await _client.AuthorizeAsync(("scope", "openid email"));
        Assert.That(await ErrorOfAsync(response), Is.EqualTo("invalid_scope"));
        AssertNoJourney();
    }

    [Test]
    public async Task UnregisteredClaim_IsRefused()
    {
        var response = await _client.AuthorizeAsync(("claims", """{"id_token":{"email":null}}"""));
        Assert.That(await ErrorOfAsync(response), Is.EqualTo("invalid_request"));
        AssertNoJourney();
    }

    [Test]
    public async Task MatchOutcomeClaim_AskedByAClientWithoutMatching_IsRefused()
    {
        var response = await _client.AuthorizeAsync(("claims", """{"id_token":{"urn:uk:gov:verify:attribute:match-outcome":null}}"""));
        Assert.That(await ErrorOfAsync(response), Is.EqualTo("invalid_request"));
        AssertNoJourney();
        Assert.That(_hub.Recorded.Events.OfType<Verify.Audit.Events.AuthnRequestRefused>().Single().ErrorCode.ToString(), Is.EqualTo("claims_not_allowed"));
    }

    [Test]
    public async Task ClaimNotAllowedForThisClient_IsRefused()
    {
        _client.Register(c => c with { Claims = new HashSet<string>(StringComparer.Ordinal) { "family_name" } });
        var response = await _client.AuthorizeAsync(("claims", """{"userinfo":{"birthdate":null}}"""));
        Assert.That(await ErrorOfAsync(response), Is.EqualTo("invalid_request"));
        AssertNoJourney();
    }

    /// <summary>
    /// The error: at the client's registered redirect URI with state and iss when OpenIddict has validated the redirect
    /// URI by then, else on the hub's own 400 page (OpenIddict checks response_type, PKCE and scopes first).
    /// </summary>
    private async Task<string?> ErrorOfAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var body = await response.Content.ReadAsStringAsync();
            var line = body.Split('\n').FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal));
            return line?["error:".Length..].Trim();
        }

        var callback = OidcTestClient.Callback(response);
        Assert.Multiple(() =>
        {
            Assert.That(callback, Does.Not.ContainKey("code"));
            Assert.That(callback.GetValueOrDefault("state"), Is.EqualTo(_client.State));
            Assert.That(callback.GetValueOrDefault("iss"), Is.EqualTo(_client.Issuer));
        });
        return callback.GetValueOrDefault("error");
    }

    private async Task AssertRefusedOnHubAsync(HttpResponseMessage response, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Headers.Location, Is.Null);
            Assert.That(body, Does.Contain(error));
        });
        AssertNoJourney();

        // Audited once, with OpenIddict's error and its stable error ID.
        var refused = _hub.Recorded.Events.OfType<Verify.Audit.Events.AuthnRequestRefused>().Single();
        Assert.That(refused.ErrorCode.ToString(), Does.StartWith(error + ":ID"));
    }

    private void AssertNoJourney() => Assert.That(Flow.CurrentId(_hub), Is.Null, "no journey started");

}
