using System.Net;

using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Matching.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.Hub.Tests.Matching;

/// <summary>
/// The hub's matching journey against the real matching service (ARCHITECTURE.md step 4, ADR 0018): cycles 0/1, the
/// answer stored with the journey and shown by a waiting page, and what the RP receives in either trust mode.
/// </summary>
public sealed class MatchingJourneyTests
{
    private static readonly string JaneHashedPid = HashedPid.Compute(TestDirectory.IdpOne, MatchingHarness.MatchingServiceId, "pid-jane-0001", "LEVEL_2");

    [Test]
    public async Task Match_HubAsserted_TheRpReceivesTheHubsAssertionWithTheMatchOutcome()
    {
        await using var harness = await MatchingHarness.StartAsync();
        var hub = harness.Hub;

        var (acs, rpRequestId) = await MatchingFlow.ToMatchingAsync(harness);
        Assert.That((acs.StatusCode, acs.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Found, HubPaths.Matching)), "the citizen waits while the query is out");
        var settled = await MatchingFlow.SettleAsync(harness);
        var (path, status, html) = await MatchingFlow.ReadAsync(settled);
        Assert.That((path, status), Is.EqualTo((HubPaths.Continue, HttpStatusCode.OK)), html);
        Assert.That(Verify.Testing.Web.Html.Heading(html), Is.EqualTo("You have proved your identity"));
        var journey = await Flow.CurrentAsync(hub);
        Assert.That(journey!.State, Is.TypeOf<SuccessfulMatchState>());

        var rpPage = await MatchingFlow.ReturnToServiceAsync(hub.Client, settled);
        var (answer, _, _) = await Flow.RpReceivesAsync(hub, rpPage, rpRequestId);

        var attributes = answer.AuthnAssertion!.Attributes.ToDictionary(a => a.Name, a => ((StringValue)a.Values.Single()).Value);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Issuer, Is.EqualTo(HubHarness.HubEntityId), "hub-asserted: the hub signs");
            Assert.That(answer.NameId!.Value, Has.Length.EqualTo(64).And.Not.EqualTo(JaneHashedPid), "the pairwise identifier, not the matching service's");
            Assert.That(attributes[HubAttributeNames.MatchOutcome], Is.EqualTo("match"));
            Assert.That(attributes[HubAttributeNames.HashedPid], Is.EqualTo(JaneHashedPid), "the key the department's matching service linked");
            Assert.That(attributes[HubAttributeNames.GivenName], Is.EqualTo("Jane"));
            Assert.That(harness.Transport.Paths, Is.EqualTo(new List<string> { "/SAML2/SOAP/AttributeQuery" }));
        });
        Assert.That(await Flow.CurrentAsync(hub), Is.Null, "the journey, and the assertions it kept, are deleted once the RP is answered");
    }

    [Test]
    public async Task Match_EndToEnd_TheRpReceivesTheMatchingServicesOwnAssertion_NeverReSigned()
    {
        await using var harness = await MatchingHarness.StartAsync(endToEnd: true);
        var hub = harness.Hub;
        var (_, rpRequestId) = await MatchingFlow.ToMatchingAsync(harness);
        var settled = await MatchingFlow.SettleAsync(harness);

        var rpPage = await MatchingFlow.ReturnToServiceAsync(hub.Client, settled);
        var (document, response) = await MatchingFlow.RpReceivesAsync(rpPage);

        // The RP decrypts with its own key, and checks the assertion with the matching service's key: the hub never signed it.
        var encrypted = response.EncryptedAssertions.Single();
        var element = XmlDecryptor.DecryptAssertion(encrypted, [DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("test-rp-encryption"))]);
        var msKeys = TrustedKeySet.For(MatchingHarness.MatchingServiceId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("matching-service-signing")));
        var hubKeys = TrustedKeySet.For(HubHarness.HubEntityId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("hub-signing")));
        var verified = XmlSignatureVerifier.Verify(element, msKeys);
        var assertion = SamlXmlReader.Default.ReadAssertion(verified.Element);
        Assert.Multiple(() =>
        {
            Assert.That(response.Status.IsSuccess, Is.True);
            Assert.That(response.InResponseTo, Is.EqualTo(rpRequestId));
            Assert.That(document.DocumentElement!.GetAttribute("Destination"), Is.EqualTo(TestDirectory.RpAcs));
            Assert.That(assertion.Issuer.Value, Is.EqualTo(MatchingHarness.MatchingServiceId));
            Assert.That(assertion.Subject!.NameId!.Value, Is.EqualTo(JaneHashedPid));
            Assert.That(assertion.Conditions!.AudienceRestrictions.Single(), Does.Contain(TestDirectory.Rp));
            Assert.That(assertion.Subject.SubjectConfirmations.Single().Data!.Recipient, Is.EqualTo(TestDirectory.RpAcs));
            Assert.That(assertion.Subject.SubjectConfirmations.Single().Data!.InResponseTo, Is.EqualTo(rpRequestId));
            Assert.Throws<SamlException>(() => XmlSignatureVerifier.Verify(element, hubKeys), "not signed by the hub");
        });
    }

    [Test]
    public async Task NoMatch_WithoutCycle3OrAccountCreation_ShowsItsPage_AndTheRpHearsNoMatch()
    {
        await using var harness = await MatchingHarness.StartAsync(records: People.Robert);
        await MatchingFlow.ToMatchingAsync(harness);

        var settled = await MatchingFlow.SettleAsync(harness);
        var (path, status, html) = await MatchingFlow.ReadAsync(settled);
        Assert.That((path, status), Is.EqualTo((HubPaths.NoMatch, HttpStatusCode.OK)), html);
        Assert.That(Verify.Testing.Web.Html.Heading(html), Is.EqualTo("We could not find your record"));
        Assert.That(html, Does.Contain("You can apply by post."), "the RP's other ways to the service");

        var rp = await MatchingFlow.ReturnToServiceAsync(harness.Hub.Client, settled);

        Assert.That(await MatchingFlow.RpStatusAsync(rp), Is.EqualTo((StatusCodes.Responder, StatusCodes.NoMatch, "no-match")));
    }

    [Test]
    public async Task WaitingPage_WhilePending_ReloadsItselfWithoutScript_AndOffersContinue()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await MatchingHarness.StartAsync(matching: inner => new GatedMatching(inner, gate.Task));
        try
        {
            await MatchingFlow.ToMatchingAsync(harness);

            var waiting = await harness.Hub.Client.GetAsync(HubPaths.Matching);
            var html = await waiting.Content.ReadAsStringAsync();
            var page = Verify.Testing.Web.Html.Parse(html);
            Assert.Multiple(() =>
            {
                Assert.That(waiting.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(waiting.Headers.GetValues("Refresh").Single(), Is.EqualTo("3"), "the page reloads itself");
                Assert.That(waiting.Headers.CacheControl?.NoStore, Is.True);
                Assert.That(page.QuerySelector("h1")!.TextContent.Trim(), Is.EqualTo("We are checking your details"));
                Assert.That(page.QuerySelector($"form[method='get'][action='{HubPaths.Matching}'] button")!.TextContent.Trim(), Is.EqualTo("Continue"));
                Assert.That(page.QuerySelectorAll("script:not([nonce])").Where(s => s.GetAttribute("type") != "module"), Is.Empty, "no script of the page's own");
            });
        }
        finally
        {
            gate.TrySetResult();
        }

        var settled = await MatchingFlow.SettleAsync(harness);
        Assert.That(settled.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.Continue));
    }

    [Test]
    public async Task DoubleSubmitOfTheIdpAnswer_SendsOneQuery()
    {
        await using var harness = await MatchingHarness.StartAsync();
        var hub = harness.Hub;
        var (request, relayState, _) = await Flow.ToIdpAsync(hub, "sign-in");
        var response = Flow.Answer(hub, request).Build();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Flow.PostAnswerAsync(hub, SecureXml.Load(response.OuterXml), relayState)));
        await harness.WhenIdleAsync();

        Assert.That(harness.QueriesSent, Is.EqualTo(1));
        Assert.That((await Flow.CurrentAsync(hub))!.State, Is.TypeOf<SuccessfulMatchState>());
    }
}
