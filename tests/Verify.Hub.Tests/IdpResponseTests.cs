using System.Net;

using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Validation;

namespace Verify.Hub.Tests;

/// <summary>
/// The hub's ACS: a valid IDP answer moves the journey and, for a hub-asserted RP, answers the RP at once; every
/// check breaks on exactly one change, refused with 400 and nothing advanced in the journey.
/// </summary>
public sealed class IdpResponseTests
{
    private HubHarness _hub = null!;

    [SetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync();

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task Success_AnswersTheRp_WithAHubSignedEncryptedAssertion_PairwiseIdAndPlainAttributes()
    {
        var (request, relayState, rpRequestId) = await Flow.ToIdpAsync(_hub);

        var page = await Flow.PostAnswerAsync(_hub, Flow.Answer(_hub, request).Build(), relayState);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), await page.Content.ReadAsStringAsync());
        var (answer, rpRelayState, action) = await Flow.RpReceivesAsync(_hub, page, rpRequestId);
        var attributes = answer.AuthnAssertion!.Attributes.ToDictionary(a => a.Name, a => ((StringValue)a.Values[0]).Value);
        Assert.Multiple(() =>
        {
            Assert.That(action, Is.EqualTo(TestDirectory.RpAcs));
            Assert.That(rpRelayState, Is.EqualTo("rp-state"));
            Assert.That(answer.Outcome, Is.EqualTo(IdpOutcome.Success));
            Assert.That(answer.AuthnContextClassRef, Is.EqualTo(AuthnContexts.Level2));
            Assert.That(answer.NameId!.Value, Does.Match("^[0-9a-f]{64}$"), "pairwise identifier, not the IDP's PID");
            Assert.That(answer.NameId.Format, Is.EqualTo(NameIdFormats.Persistent));
            Assert.That(attributes[HubAttributeNames.GivenName], Is.EqualTo("Jane"));
            Assert.That(attributes[HubAttributeNames.Surname], Is.EqualTo("Citizen"));
            Assert.That(attributes[HubAttributeNames.DateOfBirth], Is.EqualTo("1984-02-29"));
            Assert.That(attributes[HubAttributeNames.PostalAddress], Is.EqualTo("1 Test Street$Testville"));
        });
        Assert.That(await Flow.CurrentAsync(_hub), Is.Null, "the journey is gone once the RP is answered");
    }

    [Test]
    public async Task Success_GivesTheSameCitizenTheSamePairwiseId_AndNeverTheIdpPid()
    {
        var first = await SucceedAsync("pid-1");
        var again = await SucceedAsync("pid-1");
        var other = await SucceedAsync("pid-2");

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
            Assert.That(first, Does.Not.Contain("pid-1"));
        });
    }

    private static IEnumerable<TestCaseData> OneThingBroken()
    {
        static TestCaseData Case(string name, Func<IdpAnswer, IdpAnswer> mutate) => new TestCaseData(mutate).SetName("Acs_Refuses_" + name);

        yield return Case("SignedByAnotherIdpsKey", a => a with { SigningKey = "stub-idp-signing-ecdsa" });
        yield return Case("IssuedByAnotherRegisteredIdp", a => a with { Issuer = TestDirectory.IdpTwo, SigningKey = "stub-idp-signing-ecdsa" });
        yield return Case("AssertionIssuerDiffers", a => a with { AssertionIssuer = TestDirectory.IdpTwo });
        yield return Case("WrongDestination", a => a with { Destination = "https://evil.test/SAML2/ACS" });
        yield return Case("WrongAudience", a => a with { Audience = "https://rp.test" });
        yield return Case("WrongInResponseTo", a => a with { InResponseTo = "_another-request" });
        yield return Case("WrongSubjectInResponseTo", a => a with { SubjectInResponseTo = "_another-request" });
        yield return Case("WrongRecipient", a => a with { Recipient = "https://evil.test/acs" });
        yield return Case("Expired", a => a with { Age = TimeSpan.FromMinutes(10) });
        yield return Case("EncryptedForAnotherParty", a => a with { EncryptFor = "test-rp-encryption" });
        yield return Case("LevelTheRpDoesNotAccept", a => a with { Level = AuthnContexts.Level1 });
        yield return Case("LevelXWithoutFraudIndicators", a => a with { Level = AuthnContexts.LevelX });
        yield return Case("UnknownLevel", a => a with { Level = "urn:example:level-9" });
        yield return Case("NoMatchingDataset", a => a with { IncludeMatchingDataset = false });
    }

    [TestCaseSource(nameof(OneThingBroken))]
    public async Task Acs_RefusesOneThingBroken_AndAdvancesNothing(Func<IdpAnswer, IdpAnswer> mutate)
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        var before = await Flow.CurrentAsync(_hub);

        var page = await Flow.PostAnswerAsync(_hub, mutate(Flow.Answer(_hub, request)).Build(), relayState);

        var after = await Flow.CurrentAsync(_hub);
        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(after!.State, Is.InstanceOf<IdpSelectedState>());
            Assert.That(after.Version, Is.EqualTo(before!.Version));
        });
    }

    [Test]
    public async Task Acs_RefusesAWrongRelayState()
    {
        var (request, _, _) = await Flow.ToIdpAsync(_hub);

        var page = await Flow.PostAnswerAsync(_hub, Flow.Answer(_hub, request).Build(), "another-relay-state");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<IdpSelectedState>());
    }

    [Test]
    public async Task Acs_WithoutTheJourneyCookie_ChangesNothing()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        using var stranger = _hub.NewClient(new CookieContainer());

        var page = await Flow.PostAnswerAsync(_hub, Flow.Answer(_hub, request).Build(), relayState, stranger);

        Assert.That(page.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.NoSession));
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<IdpSelectedState>());
    }

    [Test]
    public async Task Acs_RefusesAnAnswerMeantForAnotherJourney()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        var otherCookies = new CookieContainer();
        using var other = _hub.NewClient(otherCookies);
        await Flow.ToIdpAsync(_hub, client: other);

        var page = await Flow.PostAnswerAsync(_hub, Flow.Answer(_hub, request).Build(), relayState, other);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Acs_RefusesAReplayedResponse()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        var response = Flow.Answer(_hub, request).Build();
        using var second = await Flow.PostAnswerAsync(_hub, SamlClone(response), relayState);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // The same Response again, for a fresh journey that asked the same IDP: its InResponseTo is stale, and its IDs
        // are in the replay cache; either way it must not count.
        var (_, relayState2, _) = await Flow.ToIdpAsync(_hub);
        var page = await Flow.PostAnswerAsync(_hub, response, relayState2);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Flow.CurrentAsync(_hub))!.State, Is.InstanceOf<IdpSelectedState>());
    }

    [Test]
    public async Task Acs_RefusesTheSameResponseIdTwice_EvenWhenTheFirstWasRefusedByTheJourneyRules()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        var level1 = Flow.Answer(_hub, request) with { Level = AuthnContexts.Level1, ResponseId = "_fixed-response-id" };
        using var first = await Flow.PostAnswerAsync(_hub, level1.Build(), relayState);

        var page = await Flow.PostAnswerAsync(_hub, (level1 with { Level = AuthnContexts.Level2 }).Build(), relayState);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("VS5013"));
    }

    [Test]
    public async Task Acs_ParallelDoublePostOfOneResponse_AnswersTheRpOnce()
    {
        var (request, relayState, _) = await Flow.ToIdpAsync(_hub);
        var response = Flow.Answer(_hub, request).Build();

        var pages = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Flow.PostAnswerAsync(_hub, SamlClone(response), relayState)));

        var answered = 0;
        foreach (var page in pages)
        {
            var html = await page.Content.ReadAsStringAsync();
            answered += html.Contains("name=\"SAMLResponse\"", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.That(answered, Is.EqualTo(1));
    }

    private async Task<string> SucceedAsync(string pid)
    {
        var (request, relayState, rpRequestId) = await Flow.ToIdpAsync(_hub);
        var page = await Flow.PostAnswerAsync(_hub, (Flow.Answer(_hub, request) with { Pid = pid }).Build(), relayState);
        return (await Flow.RpReceivesAsync(_hub, page, rpRequestId)).Answer.NameId!.Value;
    }

    private static System.Xml.XmlDocument SamlClone(System.Xml.XmlDocument document) => Verify.Saml.Xml.SecureXml.Load(document.OuterXml);
}
