using Verify.Saml.Saml;
using Verify.Saml.Validation;
using Verify.StubIdp.Identities;
using Verify.StubIdp.Tests.Support;

namespace Verify.StubIdp.Tests;

/// <summary>
/// Every button of the login page, end to end over HTTPS: the hub's signed request in, the login page, the button,
/// and the Response out, checked by the hub's own <see cref="ResponseValidator"/> (Verify IDP shape).
/// </summary>
public sealed class OutcomeTests
{
    private static readonly string[] SarahsSurnames = ["Thompson", "Clarke"];
    private static readonly string[] EncryptedResponseShape = ["Issuer", "Signature", "Status", "EncryptedAssertion", "EncryptedAssertion"];

    private StubIdpHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await StubIdpHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static IEnumerable<TestCaseData> Outcomes()
    {
        yield return new TestCaseData("success-level2", IdpOutcome.Success, AuthnContexts.Level2, null).SetName("SignInLevel2_IsSuccessAtLevel2");
        yield return new TestCaseData("success-level1", IdpOutcome.Success, AuthnContexts.Level1, null).SetName("SignInLevel1_IsSuccessAtLevel1");
        yield return new TestCaseData("cancel", IdpOutcome.Cancelled, null, null).SetName("Cancel_IsCancelled");
        yield return new TestCaseData("authn-failed", IdpOutcome.AuthnFailed, null, null).SetName("AuthenticationFailed_IsAuthnFailed");
        yield return new TestCaseData("requester-error", IdpOutcome.RequesterError, null, null).SetName("RequesterError_IsRequesterError");
        yield return new TestCaseData("uplift-failed", IdpOutcome.UpliftFailed, null, null).SetName("UpliftFailed_IsUpliftFailed");
        yield return new TestCaseData("pending", IdpOutcome.Pending, null, null).SetName("RegistrationPending_IsPending");
        yield return new TestCaseData("fraud-df01", IdpOutcome.Fraud, AuthnContexts.LevelX, Gpg45Status.DF01).SetName("FraudDf01_IsFraudAtLevelX");
        yield return new TestCaseData("fraud-fi01", IdpOutcome.Fraud, AuthnContexts.LevelX, Gpg45Status.FI01).SetName("FraudFi01_IsFraudAtLevelX");
        yield return new TestCaseData("fraud-it01", IdpOutcome.Fraud, AuthnContexts.LevelX, Gpg45Status.IT01).SetName("FraudIt01_IsFraudAtLevelX");
    }

    [TestCaseSource(nameof(Outcomes))]
    public async Task Button_SendsTheOutcomeTheHubReads(string button, IdpOutcome expected, string? level, Gpg45Status? indicator)
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();

        var answer = await journey.AnswerAsync(button, "sarah-thompson");
        var result = await SampleHub.ValidateAsync(answer.Response, "https://idp.test/stub-idp-one", journey.RequestId, _host.Clock);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(expected));
            Assert.That(result.AuthnContextClassRef, Is.EqualTo(level));
            Assert.That(result.Gpg45Status, Is.EqualTo(indicator));
            Assert.That(answer.FormAction, Is.EqualTo(SampleHub.AcsUrl));
            Assert.That(answer.RelayState, Is.EqualTo(LoginJourney.RelayState));
            Assert.That(answer.ContentSecurityPolicy, Does.Contain("form-action 'self' https://hub.test"));
        });
        if (level is null)
        {
            Assert.That(result.NameId, Is.Null);
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.NameId!.Value, Is.EqualTo(PersistentIds.For("https://idp.test/stub-idp-one", "sarah-thompson")));
            Assert.That(result.NameId.Format, Is.EqualTo(NameIdFormats.Persistent));
            Assert.That(result.MatchingDataset!.Surnames.Select(s => s.Value), Is.EqualTo(SarahsSurnames));
            Assert.That(result.FraudEventId, indicator is null ? Is.Null : Does.StartWith("stub-fraud-"));
            Assert.That(IpAddressOf(result), Is.EqualTo("127.0.0.1"));
        });
    }

    [TestCaseSource(typeof(SeededIdentityTests), nameof(SeededIdentityTests.Keys))]
    public async Task SignIn_AssertsTheChosenIdentitysMatchingDataset(string key)
    {
        var identity = SeededIdentities.All.Single(i => i.Key == key);
        var journey = await new LoginJourney(_host, "stub-idp-two").OpenLoginPageAsync();

        var answer = await journey.AnswerAsync("success-level2", identity.Key);
        var result = await SampleHub.ValidateAsync(answer.Response, "https://idp.test/stub-idp-two", journey.RequestId, _host.Clock);

        var dataset = result.MatchingDataset!;
        Assert.Multiple(() =>
        {
            Assert.That(dataset.FirstNames, Is.EqualTo(identity.Dataset.FirstNames));
            Assert.That(dataset.MiddleNames, Is.EqualTo(identity.Dataset.MiddleNames));
            Assert.That(dataset.Surnames, Is.EqualTo(identity.Dataset.Surnames));
            Assert.That(dataset.Genders, Is.EqualTo(identity.Dataset.Genders));
            Assert.That(dataset.DatesOfBirth, Is.EqualTo(identity.Dataset.DatesOfBirth));
            Assert.That(dataset.CurrentAddresses, Is.EqualTo(identity.Dataset.CurrentAddresses));
            Assert.That(dataset.PreviousAddresses, Is.EqualTo(identity.Dataset.PreviousAddresses));
        });
    }

    [Test]
    public async Task TwoIdps_GiveTheSameIdentityDifferentStablePids()
    {
        var one = await PidAsync("stub-idp-one", "https://idp.test/stub-idp-one");
        var two = await PidAsync("stub-idp-two", "https://idp.test/stub-idp-two");
        var oneAgain = await PidAsync("stub-idp-one", "https://idp.test/stub-idp-one");

        Assert.Multiple(() =>
        {
            Assert.That(two, Is.Not.EqualTo(one));
            Assert.That(oneAgain, Is.EqualTo(one));
        });
    }

    [Test]
    public async Task Response_IsSignedAndCarriesOnlyEncryptedAssertions()
    {
        var journey = await new LoginJourney(_host, "stub-idp-one").OpenLoginPageAsync();

        var answer = await journey.AnswerAsync("success-level2", "rhys-llewellyn");
        var root = answer.Response.DocumentElement!;
        var children = root.ChildNodes.OfType<System.Xml.XmlElement>().Select(e => e.LocalName).ToList();

        // INTEROP.md: assertions signed then encrypted, then the Response signed; nothing in clear.
        Assert.That(children, Is.EqualTo(EncryptedResponseShape));
    }

    private static string? IpAddressOf(IdpResponse result) => result.AuthnAssertion!.Attributes
        .Single(a => a.Name == VerifyAttributeNames.IpAddress).Values.OfType<IpAddressValue>().Single().Value;

    private async Task<string> PidAsync(string slug, string entityId)
    {
        var journey = await new LoginJourney(_host, slug).OpenLoginPageAsync();
        var answer = await journey.AnswerAsync("success-level2", "zoe-fernandez-hughes");
        var result = await SampleHub.ValidateAsync(answer.Response, entityId, journey.RequestId, _host.Clock);
        return result.NameId!.Value;
    }
}
