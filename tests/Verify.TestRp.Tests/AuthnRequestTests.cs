using System.Text;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Testing;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests;

/// <summary>The AuthnRequest the test RP sends, as the hub receives it, in both bindings.</summary>
public sealed class AuthnRequestTests
{
    private TestRpServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await TestRpServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task PostBinding_SendsAnAuthnRequestSignedWithTheRpSigningKey()
    {
        using var browser = _server.NewBrowser();

        var sent = await Journey.StartAsync(browser, TestRpPaths.BindingPost);

        using var rpKey = TrustedSigningKey.FromCertificate(SampleCerts.Certificate("test-rp-signing"));
        var verified = XmlSignatureVerifier.Verify(sent.Document.DocumentElement!, TrustedKeySet.For(TestRpOptions.DefaultEntityId, rpKey));
        Assert.That(verified.Element, Is.SameAs(sent.Document.DocumentElement));
    }

    [Test]
    public async Task PostBinding_SignatureDoesNotVerifyWithAnotherKey()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser, TestRpPaths.BindingPost);
        using var otherKey = TrustedSigningKey.FromCertificate(SampleCerts.Certificate("stub-idp-signing"));

        Assert.That(
            () => XmlSignatureVerifier.Verify(sent.Document.DocumentElement!, TrustedKeySet.For(TestRpOptions.DefaultEntityId, otherKey)),
            Throws.TypeOf<SamlException>());
    }

    [Test]
    public async Task PostBinding_FormPostsToTheHubSsoUrl_WithoutLeakingTheAntiforgeryToken()
    {
        using var browser = _server.NewBrowser();

        var sent = await Journey.StartAsync(browser, TestRpPaths.BindingPost);

        Assert.Multiple(() =>
        {
            Assert.That(Html.FormAction(sent.PostPage!), Is.EqualTo(TestRpServer.HubSsoUrl.AbsoluteUri));
            Assert.That(Html.InputValue(sent.PostPage!, "__RequestVerificationToken"), Is.Null);
            Assert.That(sent.PostPage, Does.Contain("Continue"));
            Assert.That(sent.ContentSecurityPolicy, Does.Contain("form-action 'self' https://hub.test;"));
        });
    }

    [TestCase(TestRpPaths.BindingPost)]
    [TestCase(TestRpPaths.BindingRedirect)]
    public async Task AuthnRequest_CarriesWhatTheHubChecks(string binding)
    {
        using var browser = _server.NewBrowser();

        var sent = await Journey.StartAsync(browser, binding);

        var request = sent.Request;
        Assert.Multiple(() =>
        {
            Assert.That(request.Id, Does.Match("^_[0-9a-f]{40}$"));
            Assert.That(request.IssueInstant, Is.EqualTo(_server.Clock.GetUtcNow()).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(request.Destination, Is.EqualTo("https://hub.test/SAML2/SSO"));
            Assert.That(request.Issuer?.Value, Is.EqualTo("https://rp.test"));
            Assert.That(request.AssertionConsumerServiceUrl, Is.EqualTo(_server.AcsUrl));
            Assert.That(request.AssertionConsumerServiceIndex, Is.Null);
            Assert.That(request.ProtocolBinding, Is.EqualTo(SamlBindings.HttpPost));
            Assert.That(request.NameIdPolicy?.Format, Is.EqualTo(NameIdFormats.Persistent));
            Assert.That(request.NameIdPolicy?.AllowCreate, Is.True);
            Assert.That(request.RequestedAuthnContext?.Comparison, Is.EqualTo(AuthnContextComparison.Minimum));
            Assert.That(request.RequestedAuthnContext?.AuthnContextClassRefs, Is.EqualTo(new[] { AuthnContexts.Level2 }));
            Assert.That(request.IsPassive, Is.False);
        });
    }

    [Test]
    public async Task RedirectBinding_Sends303ToTheHub_WithAQuerySignedWithTheRpSigningKey()
    {
        using var browser = _server.NewBrowser();

        var sent = await Journey.StartAsync(browser, TestRpPaths.BindingRedirect);

        using var rpKey = TrustedSigningKey.FromCertificate(SampleCerts.Certificate("test-rp-signing"));
        Assert.Multiple(() =>
        {
            Assert.That(sent.RedirectLocation!.GetLeftPart(UriPartial.Path), Is.EqualTo("https://hub.test/SAML2/SSO"));
            Assert.That(sent.Redirect!.IsSigned, Is.True);
            Assert.That(sent.Redirect.SigAlg, Is.EqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"));
            Assert.That(sent.Request.HasSignature, Is.False, "SAML Bindings 3.4.4.1: no XML signature inside a Redirect message");
        });
        var verified = sent.Redirect!.VerifySignature(TrustedKeySet.For(TestRpOptions.DefaultEntityId, rpKey));
        Assert.That(verified.PartyId, Is.EqualTo(TestRpOptions.DefaultEntityId));
    }

    [TestCase(TestRpPaths.BindingPost)]
    [TestCase(TestRpPaths.BindingRedirect)]
    public async Task EachStart_HasAFreshRequestIdAndRelayState(string binding)
    {
        using var browser = _server.NewBrowser();

        var first = await Journey.StartAsync(browser, binding);
        var second = await Journey.StartAsync(browser, binding);

        Assert.Multiple(() =>
        {
            Assert.That(second.Request.Id, Is.Not.EqualTo(first.Request.Id));
            Assert.That(second.RelayState, Is.Not.EqualTo(first.RelayState));
            Assert.That(Encoding.UTF8.GetByteCount(first.RelayState), Is.InRange(16, 80), "SAML Bindings 3.4.3 / 3.5.3");
        });
    }

    [TestCase(TestRpPaths.BindingPost)]
    [TestCase(TestRpPaths.BindingRedirect)]
    public async Task RequestCookie_SurvivesTheHubsCrossSitePost_AndHidesItsContent(string binding)
    {
        using var browser = _server.NewBrowser();

        var sent = await Journey.StartAsync(browser, binding);

        var setCookie = sent.SetCookies.Single(c => c.StartsWith("verify-testrp-request=", StringComparison.Ordinal));
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        var value = browser.RequestCookie!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(attributes, Does.Contain("path=/SAML2/ACS".ToLowerInvariant()));
            Assert.That(attributes, Does.Contain("secure"));
            Assert.That(attributes, Does.Contain("samesite=none"));
            Assert.That(attributes, Does.Contain("httponly"));
            Assert.That(attributes, Has.Some.StartsWith("max-age="));
            Assert.That(value, Does.Not.Contain(sent.Request.Id[1..]));
            Assert.That(value, Does.Not.Contain(sent.RelayState));
        });
    }
}
