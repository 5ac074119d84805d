using System.Net;

using Verify.Saml.Saml;
using Verify.Testing;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests;

/// <summary>
/// "Break one thing" (STYLE.md): start from the hub's valid Response to this browser's request, change one thing, and
/// expect a 400 page naming one specific error code.
/// </summary>
public sealed class AcsRefusalTests
{
    private TestRpServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await TestRpServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    public static IEnumerable<TestCaseData> BrokenResponses()
    {
        yield return Case("AcsPost_RejectsResponseSignedByAnotherKey", r => r with { Signer = SampleCerts.CertificateWithKey("stub-idp-signing") }, "VS2013");
        yield return Case("AcsPost_RejectsResponseFromAnotherIssuer", r => r with { Issuer = "https://impostor.test" }, "VS5002");
        yield return Case("AcsPost_RejectsAssertionFromAnotherIssuer", r => r with { AssertionIssuer = "https://impostor.test" }, "VS5003");
        yield return Case("AcsPost_RejectsResponseAnsweringAnotherRequest", r => r with { InResponseTo = "_0123456789abcdef0123456789abcdef01234567" }, "VS5005");
        yield return Case("AcsPost_RejectsAssertionConfirmingAnotherRequest", r => r with { SubjectInResponseTo = "_0123456789abcdef0123456789abcdef01234567" }, "VS5005");
        yield return Case("AcsPost_RejectsAssertionForAnotherAudience", r => r with { Audience = "https://other-rp.test" }, "VS5006");
        yield return Case("AcsPost_RejectsResponseForAnotherDestination", r => r with { Destination = "https://other-rp.test/SAML2/ACS" }, "VS5001");
        yield return Case("AcsPost_RejectsAssertionForAnotherRecipient", r => r with { Recipient = "https://other-rp.test/SAML2/ACS" }, "VS5007");
        yield return Case("AcsPost_RejectsAssertionEncryptedForAnotherKey", r => r with { EncryptFor = SampleCerts.Certificate("hub-encryption") }, "VS6009");
        yield return Case("AcsPost_RejectsLevelBelowTheRequestedLevel", r => r with { Level = AuthnContexts.Level1 }, "VS5015");
        yield return Case("AcsPost_RejectsLevelX", r => r with { Level = AuthnContexts.LevelX }, "VS5015");
        yield return Case("AcsPost_RejectsTransientNameId", r => r with { NameId = new NameId { Value = "transient-1", Format = NameIdFormats.Transient } }, "VS3004");
        yield return Case("AcsPost_RejectsResponseIssuedTooLongAgo", r => r with { Now = r.Now.AddMinutes(-10) }, "VS5009");
        yield return Case("AcsPost_RejectsResponseFromTheFuture", r => r with { Now = r.Now.AddMinutes(10) }, "VS5008");

        static TestCaseData Case(string name, Func<HubResponse, HubResponse> breakIt, string code) =>
            new TestCaseData(breakIt, code).SetName(name);
    }

    [TestCaseSource(nameof(BrokenResponses))]
    public async Task AcsPost_RefusesABrokenResponse_WithItsErrorCode(Func<HubResponse, HubResponse> breakIt, string code)
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);

        var page = await Journey.PostToAcsAsync(browser, breakIt(Valid(sent)).Encode(), sent.RelayState);

        AssertRefused(page, code);
    }

    [Test]
    public async Task AcsPost_RefusesAResponse_WhenTheBrowserHasNoRequestCookie()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var response = Valid(sent).Encode();

        using var otherBrowser = _server.NewBrowser();
        var page = await Journey.PostToAcsAsync(otherBrowser, response, sent.RelayState);

        AssertRefused(page, "VS5004");
    }

    [Test]
    public async Task AcsPost_RefusesAResponse_WhenTheRequestCookieIsForged()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var genuine = browser.RequestCookie!.Value;

        browser.SetRequestCookie(genuine[..^4] + (genuine.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        var page = await Journey.PostToAcsAsync(browser, Valid(sent).Encode(), sent.RelayState);

        AssertRefused(page, "VS5004");
    }

    [Test]
    public async Task AcsPost_RefusesAResponse_WhenTheRequestCookieIsFromAnotherRpInstance()
    {
        // A cookie made with another key ring (another deployment, or a restart) is not ours to trust.
        await using var other = await TestRpServer.StartAsync();
        using var otherBrowser = other.NewBrowser();
        await Journey.StartAsync(otherBrowser);
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);

        browser.SetRequestCookie(otherBrowser.RequestCookie!.Value);
        var page = await Journey.PostToAcsAsync(browser, Valid(sent).Encode(), sent.RelayState);

        AssertRefused(page, "VS5004");
    }

    [Test]
    public async Task AcsPost_RefusesAResponseToAnotherBrowsersRequest()
    {
        // Login CSRF: an attacker posts a valid Response to their own request into the victim's browser.
        using var attacker = _server.NewBrowser();
        var attackersRequest = await Journey.StartAsync(attacker);
        using var victim = _server.NewBrowser();
        await Journey.StartAsync(victim);

        var page = await Journey.PostToAcsAsync(victim, Valid(attackersRequest).Encode(), attackersRequest.RelayState);

        AssertRefused(page, "VS5005");
    }

    [TestCase("not-the-relay-state")]
    [TestCase(null)]
    public async Task AcsPost_RefusesAResponse_WithAnotherRelayState(string? relayState)
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);

        var page = await Journey.PostToAcsAsync(browser, Valid(sent).Encode(), relayState);

        AssertRefused(page, "VS5005");
        Assert.That(page.ErrorReason, Does.Contain("RelayState"));
    }

    [Test]
    public async Task AcsPost_RefusesAReplayedResponse_EvenWithTheRequestCookieRestored()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var cookie = browser.RequestCookie!.Value;
        var response = Valid(sent).Encode();
        var first = await Journey.PostToAcsAsync(browser, response, sent.RelayState);
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.ToString());

        var again = await Journey.PostToAcsAsync(browser, response, sent.RelayState);
        browser.SetRequestCookie(cookie);
        var replayed = await Journey.PostToAcsAsync(browser, response, sent.RelayState);

        AssertRefused(again, "VS5004");
        AssertRefused(replayed, "VS5013");
    }

    [Test]
    public async Task AcsPost_KeepsTheJourney_AfterARefusedResponse()
    {
        // A stray or forged POST must not cancel the citizen's real journey: the genuine answer still succeeds.
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var forged = Valid(sent) with { Signer = SampleCerts.CertificateWithKey("stub-idp-signing") };
        AssertRefused(await Journey.PostToAcsAsync(browser, forged.Encode(), sent.RelayState), "VS2013");

        var page = await Journey.PostToAcsAsync(browser, Valid(sent).Encode(), sent.RelayState);

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.ToString());
    }

    [Test]
    public async Task AcsPost_RefusesASamlRequest()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);

        using var response = await browser.PostFormAsync(TestRpPaths.Acs, new Dictionary<string, string>
        {
            ["SAMLRequest"] = Verify.Saml.Bindings.PostBinding.Encode(sent.Document),
            ["RelayState"] = sent.RelayState,
        });

        AssertRefused(await AcsPage.ReadAsync(response), "VS4010");
    }

    [Test]
    public async Task AcsPost_RefusesADuplicatedSamlResponseField()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);
        var response = Valid(sent).Encode();

        using var posted = await browser.PostFormAsync(TestRpPaths.Acs,
        [
            new("SAMLResponse", response),
            new("SAMLResponse", response),
            new("RelayState", sent.RelayState),
        ]);

        AssertRefused(await AcsPage.ReadAsync(posted), "VS4006");
    }

    [Test]
    public async Task AcsPost_RefusesAPostWithoutAMessage()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);

        using var response = await browser.PostFormAsync(TestRpPaths.Acs, new Dictionary<string, string> { ["RelayState"] = sent.RelayState });

        AssertRefused(await AcsPage.ReadAsync(response), "VS4004");
    }

    [Test]
    public async Task AcsPost_RefusesBase64Garbage()
    {
        using var browser = _server.NewBrowser();
        var sent = await Journey.StartAsync(browser);

        var page = await Journey.PostToAcsAsync(browser, "%%%not base64%%%", sent.RelayState);

        AssertRefused(page, "VS4001");
    }

    private static void AssertRefused(AcsPage page, string code)
    {
        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest), page.ToString());
            Assert.That(page.ErrorCode, Is.EqualTo(code), page.ToString());
            Assert.That(page.Html, Does.Contain("The response was refused"));
            Assert.That(page.Html, Does.Not.Contain("You have proved your identity"));
            Assert.That(page.Html, Does.Not.Contain(HubResponse.PairwiseId));
            Assert.That(page.Html, Does.Not.Contain("Jane"));
        });
    }

    private HubResponse Valid(SentRequest sent) =>
        new() { InResponseTo = sent.Request.Id, AcsUrl = _server.AcsUrl, Now = _server.Clock.GetUtcNow() };
}
