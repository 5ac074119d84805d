using System.Net;

using Verify.Hub.Tests.Support;
using Verify.Saml.Bindings;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Hub.Tests;

/// <summary>
/// RP → hub AuthnRequests: a signed request from a registered RP starts a journey (HTTP-POST and HTTP-Redirect);
/// each refusal starts nothing — no journey cookie, no journey — and shows the citizen an error page.
/// </summary>
public sealed class AuthnRequestTests
{
    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync();

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task PostBinding_SignedRequest_StartsAJourney_AndShowsTheStartPage()
    {
        var page = await RpMessages.StartJourneyAsync(_hub);

        var journey = await Flow.CurrentAsync(_hub);
        Assert.Multiple(() =>
        {
            Assert.That(Html.Heading(page.Content.ReadAsStringAsync().Result), Does.Contain("Have you used a certified company"));
            Assert.That(journey!.State.Name, Is.EqualTo("SessionStarted"));
            Assert.That(journey.Rp.RelayState, Is.EqualTo("rp-state"));
            Assert.That(journey.Rp.ProtocolData["acs"], Is.EqualTo(TestDirectory.RpAcs));
        });
    }

    [Test]
    public async Task RedirectBinding_SignedQuery_StartsAJourney()
    {
        var url = RedirectBinding.Encode(
            SamlXmlWriter.WriteAuthnRequest(RpMessages.Request(_hub)), _hub.SsoUrl, "redirect-state",
            SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("test-rp-signing")));

        var response = await _hub.Client.GetAsync(url);

        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.Start));
        Assert.That((await Flow.CurrentAsync(_hub))!.Rp.RelayState, Is.EqualTo("redirect-state"));
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        static TestCaseData Case(string name, string code, Func<HubHarness, System.Xml.XmlDocument> request) =>
            new TestCaseData(request, code).SetName("Sso_Refuses_" + name);

        yield return Case("Unsigned", "VS2001", hub => SamlXmlWriter.WriteAuthnRequest(RpMessages.Request(hub)));
        yield return Case("SignedWithAnotherKey", "VS2013", hub => RpMessages.Signed(RpMessages.Request(hub), "stub-idp-signing"));
        yield return Case("AcsNotRegistered", "VS5019", hub => RpMessages.Signed(RpMessages.Request(hub) with { AssertionConsumerServiceUrl = "https://evil.test/acs" }));
        yield return Case("UnknownRp", "VS5018", hub => RpMessages.Signed(RpMessages.Request(hub) with { Issuer = Issuer.Entity("https://unknown-rp.test") }));
        yield return Case("WrongDestination", "VS5001", hub => RpMessages.Signed(RpMessages.Request(hub) with { Destination = "https://other-hub.test/SAML2/SSO" }));
        yield return Case("Stale", "VS5009", hub => RpMessages.Signed(RpMessages.Request(hub) with { IssueInstant = hub.Time.GetUtcNow().AddMinutes(-10) }));
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task Sso_RefusesRequest_AndStartsNothing(Func<HubHarness, System.Xml.XmlDocument> request, string code)
    {
        var response = await RpMessages.PostAsync(_hub.Client, _hub, request(_hub));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(html, Does.Contain(code));
            Assert.That(Flow.CurrentId(_hub), Is.Null, "no journey cookie");
        });
    }

    [Test]
    public async Task Sso_RefusesAReplayedRequest()
    {
        var request = RpMessages.Signed(RpMessages.Request(_hub));
        await RpMessages.PostAsync(_hub.Client, _hub, request);
        using var other = _hub.NewClient(new CookieContainer());

        var replayed = await RpMessages.PostAsync(other, _hub, request);

        Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await replayed.Content.ReadAsStringAsync(), Does.Contain("VS5013"));
    }

    [Test]
    public async Task Sso_RefusesAResponseAtTheRequestEndpoint()
    {
        var response = await _hub.Client.PostFormAsync(_hub.SsoUrl, [KeyValuePair.Create("SAMLResponse", "PHg+PC94Pg==")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
