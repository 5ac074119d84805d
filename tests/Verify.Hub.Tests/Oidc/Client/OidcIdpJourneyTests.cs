using System.Net;

using Microsoft.Extensions.DependencyInjection;

using Verify.Hub.Identity;
using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Oidc.Client.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Validation;
using Verify.StubIdp.Identities;

namespace Verify.Hub.Tests.Oidc.Client;

/// <summary>
/// SAML RP ↔ OIDC IDP through the hub (issue 7, ADR 0022): the hub sends an authorization request with PKCE, nonce and
/// the requested level to the stub IDP's OpenID Provider, redeems the code with private_key_jwt, checks the ID token
/// and answers the SAML RP exactly as after a SAML IDP. Refusals change nothing and are audited once.
/// </summary>
public sealed class OidcIdpJourneyTests
{
    private static readonly string[] OpenidAddressProfile = ["openid", "address", "profile"];

    private static readonly string[] RefusedOnce = ["IdpResponseRefused"];

    private HubHarness _hub = null!;
    private StubOidcIdp _idp = null!;

    [SetUp]
    public async Task Start()
    {
        _hub = await HubHarness.StartAsync();
        _idp = await StubOidcIdp.StartAsync(_hub);
        _hub.Directory.AddIdentityProvider(_idp.Registration());
    }

    [TearDown]
    public async Task Stop()
    {
        await _idp.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Test]
    public async Task AuthorizationRequest_IsCodeFlowWithPkceNonceAndLevel_AndSaysNothingAboutTheRp()
    {
        var (authorize, _) = await ChooseOidcIdpAsync();

        var query = StubOidcIdp.Query(authorize);
        Assert.Multiple(() =>
        {
            Assert.That(authorize.GetLeftPart(UriPartial.Path), Is.EqualTo(_idp.Issuer + "/authorize"));
            Assert.That(query["response_type"], Is.EqualTo("code"));
            Assert.That(query["client_id"], Is.EqualTo(StubOidcIdp.ClientId));
            Assert.That(query["redirect_uri"], Is.EqualTo(new Uri(_hub.BaseUrl, "oidc/client/callback").AbsoluteUri));
            Assert.That(query["code_challenge_method"], Is.EqualTo("S256"));
            Assert.That(query["code_challenge"], Has.Length.EqualTo(43));
            Assert.That(query["nonce"], Is.Not.Empty);
            Assert.That(query["state"], Is.Not.Empty);
            Assert.That(query["acr_values"], Is.EqualTo(AuthnContexts.Level2));
            Assert.That(authorize.AbsoluteUri, Does.Not.Contain("rp.test"), "the IDP learns nothing about the service");
        });
    }

    [Test]
    public async Task Success_AnswersTheSamlRp_WithThePairwiseIdOfTheOidcSubject()
    {
        var (authorize, rpRequestId) = await ChooseOidcIdpAsync();
        var callback = await _idp.AnswerAsync(authorize, "success-level2");

        using var page = await _hub.Client.GetAsync(callback);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), await page.Content.ReadAsStringAsync());
        var (answer, _, action) = await Flow.RpReceivesAsync(_hub, page, rpRequestId);
        var secrets = _hub.Services.GetRequiredService<HubSecrets>();
        var subject = PersistentIds.For(_idp.Issuer, "sarah-thompson");
        Assert.Multiple(() =>
        {
            Assert.That(action, Is.EqualTo(TestDirectory.RpAcs));
            Assert.That(answer.Outcome, Is.EqualTo(IdpOutcome.Success));
            Assert.That(answer.AuthnContextClassRef, Is.EqualTo(AuthnContexts.Level2));
            Assert.That(answer.NameId!.Value, Is.EqualTo(secrets.PairwiseIdentifier(TestDirectory.Rp, _idp.Issuer, subject)));
            Assert.That(_hub.Recorded.Types, Does.Contain("IdpAuthnSucceeded"));
            Assert.That(_hub.Recorded.AllJson, Does.Not.Contain(subject), "the audit trail holds hashed identifiers only");
        });
    }

    [Test]
    public async Task Cancel_AtTheIdp_EndsAsTheSamlCancelDoes()
    {
        var (authorize, _) = await ChooseOidcIdpAsync(intent: "sign-in");
        var callback = await _idp.AnswerAsync(authorize, "cancel");
        Assert.That(StubOidcIdp.Query(callback)["error"], Is.EqualTo("access_denied"));

        using var page = await _hub.Client.GetAsync(callback);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await page.Content.ReadAsStringAsync());
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<SessionStartedState>(), "signing in: back to choosing a company");
    }

    [Test]
    public async Task StateOfAnotherJourney_IsRefused_AndNothingChanges()
    {
        // The citizen's own journey is at the IDP; a second browser's answer (its own state and code) is brought here.
        var (authorize, _) = await ChooseOidcIdpAsync();
        var otherBrowser = _hub.NewClient(new CookieContainer());
        var (otherAuthorize, _) = await ChooseOidcIdpAsync(otherBrowser);
        var otherCallback = await _idp.AnswerAsync(otherAuthorize, "success-level2");
        _hub.Recorded.Clear();

        using var page = await _hub.Client.GetAsync(otherCallback);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await page.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<IdpSelectedState>());
            Assert.That(_hub.Recorded.Types, Is.EqualTo(RefusedOnce));
            Assert.That(_hub.Recorded.AllJson, Does.Contain("VO3013"));
        });
        Assert.That(authorize, Is.Not.EqualTo(otherAuthorize));
    }

    [Test]
    public async Task TamperedState_IsRefused()
    {
        var (authorize, _) = await ChooseOidcIdpAsync();
        var callback = await _idp.AnswerAsync(authorize, "success-level2");
        var query = StubOidcIdp.Query(callback);
        query["state"] = query["state"][..^4] + "AAAA";

        using var page = await _hub.Client.GetAsync(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), query!));

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<IdpSelectedState>());
    }

    [Test]
    public async Task ReplayedCallback_AfterSuccess_AnswersNobodyTwice()
    {
        var (authorize, _) = await ChooseOidcIdpAsync();
        var callback = await _idp.AnswerAsync(authorize, "success-level2");
        using var first = await _hub.Client.GetAsync(callback);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var again = await _hub.Client.GetAsync(callback);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "no journey: nothing is answered again");
        Assert.That(_hub.Recorded.Types.Count(t => t == "IdpAuthnSucceeded"), Is.EqualTo(1));
    }

    [Test]
    public async Task IdToken_SignedByAKeyOtherThanThePinnedOne_IsRefused()
    {
        _hub.Directory.AddIdentityProvider(_idp.Registration(pinnedJwks: OtherKeyJwks()));
        var (authorize, _) = await ChooseOidcIdpAsync();
        var callback = await _idp.AnswerAsync(authorize, "success-level2");

        using var page = await _hub.Client.GetAsync(callback);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await page.Content.ReadAsStringAsync());
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<IdpSelectedState>());
        Assert.That(_hub.Recorded.Types, Does.Contain("IdpResponseRefused"));
    }

    [Test]
    public async Task AuthorizationRequest_AsksForTheScopesRegisteredForTheIdp_BesidesOpenid()
    {
        var registered = _idp.Registration();
        _hub.Directory.AddIdentityProvider(registered with { Oidc = registered.Oidc! with { Scopes = ["address", "profile"] } });

        var (authorize, _) = await ChooseOidcIdpAsync();

        Assert.That(StubOidcIdp.Query(authorize)["scope"]!.Split(' '), Is.EquivalentTo(OpenidAddressProfile));
    }

    private Task<(Uri Authorize, string RpRequestId)> ChooseOidcIdpAsync(HttpClient? client = null, string intent = "registration") =>
        OidcIdpFlow.ChooseAsync(_hub, _idp.Issuer, "Stub OIDC IDP", client, intent);

    private static string OtherKeyJwks()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var key = Microsoft.IdentityModel.Tokens.JsonWebKeyConverter.ConvertFromRSASecurityKey(
            new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "other" });
        return System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { new { kty = key.Kty, kid = key.Kid, use = "sig", n = key.N, e = key.E } } });
    }
}
