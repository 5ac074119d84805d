using System.Net;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.StubIdp.Tests.Support;

namespace Verify.StubIdp.Tests;

/// <summary>
/// Break one thing in the hub's AuthnRequest and the stub refuses it: a 400 page naming the catalogue error, no
/// redirect to the login page, so no answer can follow.
/// </summary>
public sealed class AuthnRequestRefusalTests
{
    private const string Slug = "stub-idp-one";

    private StubIdpHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await StubIdpHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static IEnumerable<TestCaseData> BrokenRequests()
    {
        yield return Case("Unsigned", SamlErrorCode.SignatureMissing, signer: null);
        yield return Case("SignedByAnotherKey", SamlErrorCode.SignatureNoTrustedKey, signer: "test-rp-signing");
        yield return Case("SignedByAnotherIdpKey", SamlErrorCode.SignatureNoTrustedKey, signer: "stub-idp-signing");
        yield return Case("ForAnotherIdpsDestination", SamlErrorCode.ProtocolDestinationMismatch, mutate: (r, sso) => r with { Destination = sso("stub-idp-two") });
        yield return Case("WithoutDestination", SamlErrorCode.ProtocolDestinationMismatch, mutate: (r, _) => r with { Destination = null });
        yield return Case("Expired", SamlErrorCode.ProtocolExpired, mutate: (r, _) => r with { IssueInstant = r.IssueInstant.AddMinutes(-10) });
        yield return Case("FromTheFuture", SamlErrorCode.ProtocolNotYetValid, mutate: (r, _) => r with { IssueInstant = r.IssueInstant.AddMinutes(10) });
        yield return Case("FromAnUnknownIssuer", SamlErrorCode.ProtocolIssuerUnknown, mutate: (r, _) => r with { Issuer = Saml.Saml.Issuer.Entity("https://rp.test/service") });
        yield return Case("NamingAnotherAcs", SamlErrorCode.ProtocolAcsNotRegistered, mutate: (r, _) => r with { AssertionConsumerServiceUrl = "https://evil.test/acs" });
        yield return Case("Passive", SamlErrorCode.ProtocolRequestNotSupported, mutate: (r, _) => r with { IsPassive = true });
    }

    [TestCaseSource(nameof(BrokenRequests))]
    public async Task SsoPost_RefusesBrokenRequest(Func<AuthnRequest, Func<string, string>, AuthnRequest> mutate, string? signer, SamlErrorCode expected)
    {
        var request = mutate(SampleHub.Request(_host.SsoUrl(Slug), _host.Clock.GetUtcNow()), _host.SsoUrl);
        using var client = _host.NewClient();

        using var response = await client.PostAsync(_host.SsoUrl(Slug), SampleHub.PostForm(SampleHub.Signed(request, signer)));

        await AssertRefusedAsync(response, expected);
    }

    [Test]
    public async Task SsoPost_RefusesReplayedRequest()
    {
        var form = SampleHub.Signed(SampleHub.Request(_host.SsoUrl(Slug), _host.Clock.GetUtcNow()));
        using var client = _host.NewClient();
        using var first = await client.PostAsync(_host.SsoUrl(Slug), SampleHub.PostForm(form));

        using var second = await client.PostAsync(_host.SsoUrl(Slug), SampleHub.PostForm(form));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        await AssertRefusedAsync(second, SamlErrorCode.ProtocolReplayed);
    }

    [Test]
    public async Task SsoPost_RefusesFormWithoutMessage()
    {
        using var client = _host.NewClient();

        using var response = await client.PostAsync(_host.SsoUrl(Slug), new FormUrlEncodedContent([new("RelayState", "x")]));

        await AssertRefusedAsync(response, SamlErrorCode.BindingMessageMissing);
    }

    [Test]
    public async Task SsoPost_RefusesSamlRequestSentTwice()
    {
        var encoded = Saml.Bindings.PostBinding.Encode(SampleHub.Signed(SampleHub.Request(_host.SsoUrl(Slug), _host.Clock.GetUtcNow())));
        using var client = _host.NewClient();

        using var response = await client.PostAsync(_host.SsoUrl(Slug), new FormUrlEncodedContent([new("SAMLRequest", encoded), new("SAMLRequest", encoded)]));

        await AssertRefusedAsync(response, SamlErrorCode.BindingDuplicateParameter);
    }

    [Test]
    public async Task SsoGet_AcceptsSignedRedirectBinding()
    {
        var request = SampleHub.Request(_host.SsoUrl(Slug), _host.Clock.GetUtcNow());
        using var client = _host.NewClient();

        using var response = await client.GetAsync(SampleHub.RedirectUrl(request));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(response.Headers.Location?.OriginalString, Does.StartWith($"/{Slug}/login?pending="));
        });
    }

    [Test]
    public async Task SsoGet_RefusesUnsignedRedirectBinding()
    {
        var request = SampleHub.Request(_host.SsoUrl(Slug), _host.Clock.GetUtcNow());
        using var client = _host.NewClient();

        using var response = await client.GetAsync(SampleHub.RedirectUrl(request, signed: false));

        await AssertRefusedAsync(response, SamlErrorCode.BindingSignatureMissing);
    }

    [Test]
    public async Task SsoPost_ToUnknownIdp_IsNotFound()
    {
        var request = SampleHub.Request(_host.SsoUrl("stub-idp-nine"), _host.Clock.GetUtcNow());
        using var client = _host.NewClient();

        using var response = await client.PostAsync(_host.SsoUrl("stub-idp-nine"), SampleHub.PostForm(SampleHub.Signed(request)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static TestCaseData Case(
        string name, SamlErrorCode expected, string? signer = "hub-signing", Func<AuthnRequest, Func<string, string>, AuthnRequest>? mutate = null) =>
        new TestCaseData(mutate ?? ((r, _) => r), signer, expected).SetName($"SsoPost_Refuses{name}Request");

    private static async Task AssertRefusedAsync(HttpResponseMessage response, SamlErrorCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Headers.Location, Is.Null);
            Assert.That(html, Does.Contain("The sign-in request was refused"));
            Assert.That(html, Does.Contain(SamlErrors.IdOf(expected)));
            Assert.That(Html.InputValue(html, "pending"), Is.Null);
        });
    }
}
