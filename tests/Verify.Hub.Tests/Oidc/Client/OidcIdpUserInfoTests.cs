using System.Net;

using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Oidc.Client.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Validation;

namespace Verify.Hub.Tests.Oidc.Client;

/// <summary>
/// An OIDC IDP that releases the identity claims at its userinfo endpoint only (OIDC Core 5.4; ADR 0025 addendum): the
/// hub completes the dataset from the userinfo answer OpenIddict fetched with the access token, never replacing what
/// the ID token carries, and refuses a userinfo answer about another subject.
/// </summary>
public sealed class OidcIdpUserInfoTests
{
    private HubHarness _hub = null!;
    private StubOidcIdp? _idp;

    [SetUp]
    public async Task Start() => _hub = await HubHarness.StartAsync();

    [TearDown]
    public async Task Stop()
    {
        if (_idp is not null)
        {
            await _idp.DisposeAsync();
        }

        await _hub.DisposeAsync();
    }

    [Test]
    public async Task UserInfoOnlyIdp_TheSamlRpReceivesTheIdentityFromUserInfo()
    {
        var (page, rpRequestId) = await AnswerAsync(userInfoOnly: true);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), await page.Content.ReadAsStringAsync());
        var (answer, _, _) = await Flow.RpReceivesAsync(_hub, page, rpRequestId);
        var attributes = Attributes(answer);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(IdpOutcome.Success));
            Assert.That(attributes[HubAttributeNames.GivenName], Is.EqualTo("Sarah"));
            Assert.That(attributes[HubAttributeNames.Surname], Is.EqualTo("Thompson"));
            Assert.That(attributes[HubAttributeNames.DateOfBirth], Is.EqualTo("1985-03-12"));
        });
    }

    [Test]
    public async Task UserInfoTryingToChangeAClaimOfTheIdToken_IsIgnored()
    {
        var (page, rpRequestId) = await AnswerAsync(userInfoOnly: false, rewrite: json =>
        {
            json["given_name"] = "Mallory";
            json["family_name"] = "Forger";
            json.Remove("verify_mds");
        });

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), await page.Content.ReadAsStringAsync());
        var (answer, _, _) = await Flow.RpReceivesAsync(_hub, page, rpRequestId);
        var attributes = Attributes(answer);
        Assert.Multiple(() =>
        {
            Assert.That(attributes[HubAttributeNames.GivenName], Is.EqualTo("Sarah"));
            Assert.That(attributes[HubAttributeNames.Surname], Is.EqualTo("Thompson"));
        });
    }

    [Test]
    public async Task UserInfoAboutAnotherSubject_IsRefused_AndNothingChanges()
    {
        var (page, _) = await AnswerAsync(userInfoOnly: true, rewrite: json => json["sub"] = "someone-else");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await page.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<IdpSelectedState>());
            Assert.That(_hub.Recorded.Types.Count(t => t == "IdpResponseRefused"), Is.EqualTo(1));
            Assert.That(_hub.Recorded.Types, Does.Not.Contain("IdpAuthnSucceeded"));
        });
    }

    private static Dictionary<string, string> Attributes(IdpResponse answer) =>
        answer.AuthnAssertion!.Attributes.ToDictionary(a => a.Name, a => ((StringValue)a.Values.Single()).Value);

    private async Task<(HttpResponseMessage Page, string RpRequestId)> AnswerAsync(bool userInfoOnly, Action<System.Text.Json.Nodes.JsonObject>? rewrite = null)
    {
        _idp = await StubOidcIdp.StartAsync(_hub, userInfoOnly);
        _idp.UserInfoRewrite = rewrite;
        _hub.Directory.AddIdentityProvider(_idp.Registration());
        var (authorize, rpRequestId) = await OidcIdpFlow.ChooseAsync(_hub, _idp.Issuer, "Stub OIDC IDP");
        var callback = await _idp.AnswerAsync(authorize, "success-level2");
        return (await _hub.Client.GetAsync(callback), rpRequestId);
    }
}
