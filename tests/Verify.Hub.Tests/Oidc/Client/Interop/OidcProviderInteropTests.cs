using System.Net;

using Microsoft.Extensions.DependencyInjection;

using Verify.Hub.Identity;
using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Oidc.Client.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Validation;

namespace Verify.Hub.Tests.Oidc.Client.Interop;

/// <summary>
/// oidc-provider (npm, OpenID-certified) as the upstream IDP (issue 7): the hub's authorization request, PKCE, nonce,
/// private_key_jwt client assertion and ID token checks interoperate with an independent provider, and the SAML RP gets
/// the citizen under the pairwise identifier of the provider's subject.
/// </summary>
public sealed class OidcProviderInteropTests
{
    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync();

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task OidcProvider_SignsTheCitizenIn_AndTheSamlRpGetsThePairwiseIdentity()
    {
        await using var provider = await OidcProviderPeer.StartAsync(_hub, AuthnContexts.Level2);
        _hub.Directory.AddIdentityProvider(provider.Registration());
        var (authorize, rpRequestId) = await OidcIdpFlow.ChooseAsync(_hub, provider.Issuer, "oidc-provider IDP");
        var callback = await provider.AnswerAsync(authorize, _hub.BaseUrl);
        Assert.That(StubOidcIdp.Query(callback)["iss"], Is.EqualTo(provider.Issuer), "RFC 9207: iss in the authorization response");

        using var page = await _hub.Client.GetAsync(callback);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), await page.Content.ReadAsStringAsync());
        var (answer, _, _) = await Flow.RpReceivesAsync(_hub, page, rpRequestId);
        var secrets = _hub.Services.GetRequiredService<HubSecrets>();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(IdpOutcome.Success));
            Assert.That(answer.AuthnContextClassRef, Is.EqualTo(AuthnContexts.Level2));
            Assert.That(answer.NameId!.Value, Is.EqualTo(secrets.PairwiseIdentifier(TestDirectory.Rp, provider.Issuer, OidcProviderPeer.Subject)));
        });
    }

    [Test]
    public async Task OidcProvider_AccessDenied_IsACancel()
    {
        await using var provider = await OidcProviderPeer.StartAsync(_hub, AuthnContexts.Level2, outcome: "cancel");
        _hub.Directory.AddIdentityProvider(provider.Registration());
        var (authorize, _) = await OidcIdpFlow.ChooseAsync(_hub, provider.Issuer, "oidc-provider IDP", intent: "sign-in");
        var callback = await provider.AnswerAsync(authorize, _hub.BaseUrl);

        using var page = await _hub.Client.GetAsync(callback);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await page.Content.ReadAsStringAsync());
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<SessionStartedState>());
    }
}
