using Verify.EndToEnd.Tests.Support;

namespace Verify.EndToEnd.Tests;

/// <summary>
/// Every answer button of the stub IDP, through the real hub, with the page the citizen sees next and, where the
/// citizen goes back to the service, what the service is told (ARCHITECTURE.md: fraud is never reported as success).
/// In English and in Welsh: every outcome page is checked with axe in both.
/// </summary>
[TestFixture(PageLanguage.English)]
[TestFixture(PageLanguage.Welsh)]
public sealed class StubIdpOutcomeTests(PageLanguage language) : BrowserTest
{
    private const string StubIdpOne = "Stub IDP One";
    private const string StubIdpTwo = "Stub IDP Two";

    /// <inheritdoc/>
    protected override PageLanguage Language => language;

    private string FailedHeading => Citizen.Texts.FailedHeading;

    private string NotVerifiedHeading => Citizen.Texts.NotVerifiedHeading;

    private string RequesterErrorHeading => Citizen.Texts.RequesterErrorHeading;

    private string PendingHeading => Citizen.Texts.PendingHeading;

    [TestCase("Cancel")]
    [TestCase("Uplift failed")]
    public async Task SigningIn_AnswerWithoutFailure_BringsTheCitizenBackToChooseACompany(string button)
    {
        await AtStubIdpOneAsync(Intent.SignIn);

        await Citizen.AnswerAtIdpAsync(button);

        // Verify: a citizen signing in who cancels, or whose account cannot reach the level, may just pick again.
        await Citizen.ExpectHubPageAsync("/choose-a-certified-company", Citizen.Texts.ChooseHeading);
    }

    [TestCase("Cancel")]
    [TestCase("Uplift failed")]
    [TestCase("Authentication failed")]
    public async Task Registering_AnswerWithoutIdentity_ShowsTheFailedPage_AndTheServiceHearsAFailure(string button)
    {
        await AtStubIdpOneAsync(Intent.Register);

        await Citizen.AnswerAtIdpAsync(button);
        await Citizen.ExpectHubPageAsync("/failed", FailedHeading);
        var outcome = await Citizen.GoBackToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.False);
            Assert.That(outcome.StatusCode, Does.EndWith(":Responder"));
            Assert.That(outcome.SubStatusCode, Does.EndWith(":AuthnFailed"));
        }
    }

    [Test]
    public async Task SigningIn_AuthenticationFailed_ShowsTheFailedPage()
    {
        await AtStubIdpOneAsync(Intent.SignIn);

        await Citizen.AnswerAtIdpAsync("Authentication failed");

        await Citizen.ExpectHubPageAsync("/failed", FailedHeading);
    }

    [Test]
    public async Task RequesterError_ShowsSomethingWentWrong_AndTheServiceHearsARequesterError()
    {
        await AtStubIdpOneAsync(Intent.Register);

        await Citizen.AnswerAtIdpAsync("Requester error");
        await Citizen.ExpectHubPageAsync("/something-went-wrong", RequesterErrorHeading);
        var outcome = await Citizen.GoBackToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.False);
            Assert.That(outcome.StatusCode, Does.EndWith(":Requester"));
        }
    }

    [Test]
    public async Task RegistrationPending_ShowsThePendingPage_AndTheServiceHearsNoAuthnContext()
    {
        await AtStubIdpOneAsync(Intent.Register);

        await Citizen.AnswerAtIdpAsync("Registration pending");
        await Citizen.ExpectHubPageAsync("/registration-pending", PendingHeading);
        var outcome = await Citizen.GoBackToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.False);
            Assert.That(outcome.StatusCode, Does.EndWith(":Responder"));
            Assert.That(outcome.SubStatusCode, Does.EndWith(":NoAuthnContext"));
        }
    }

    [TestCase("Fraud DF01")]
    [TestCase("Fraud FI01")]
    [TestCase("Fraud IT01")]
    public async Task Fraud_ShowsWeCouldNotVerify_AndTheServiceNeverHearsSuccess(string button)
    {
        await AtStubIdpOneAsync(Intent.Register);

        await Citizen.AnswerAtIdpAsync(button, "Sarah Elizabeth Thompson");
        await Citizen.ExpectHubPageAsync("/identity-not-verified", NotVerifiedHeading);

        // The RP is not told it was fraud, and certainly not given the identity: it hears a failed authentication.
        var outcome = await Citizen.GoBackToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.False);
            Assert.That(outcome.StatusCode, Does.EndWith(":Responder"));
            Assert.That(outcome.SubStatusCode, Does.EndWith(":AuthnFailed"));
            Assert.That(outcome.Attributes, Is.Empty);
        }
    }

    [Test]
    public async Task AfterAFailure_TryAnotherCompany_SucceedsWithTheSecondIdp()
    {
        await AtStubIdpOneAsync(Intent.Register);
        await Citizen.AnswerAtIdpAsync("Authentication failed");
        await Citizen.ExpectHubPageAsync("/failed", FailedHeading);

        await Citizen.TryAnotherCompanyAsync();
        await Citizen.ChooseCompanyAsync(StubIdpTwo);
        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", "Alex Jordan Morgan");
        var outcome = await Citizen.PassThroughHubToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.True);
            Assert.That(outcome.Level, Is.EqualTo("LEVEL_2"));
            Assert.That(outcome.Attributes.GetValueOrDefault("givenName"), Is.EqualTo("Alex"));
        }
    }

    [Test]
    public async Task SignInAtLevel1_TheServiceSeesLevel1()
    {
        // start-dev's test RP asks for LEVEL_1 at least and is registered for LEVEL_1 and LEVEL_2 (config/federation.json).
        await AtStubIdpOneAsync(Intent.SignIn);

        await Citizen.AnswerAtIdpAsync("Sign in at LEVEL_1", "David Singh");
        var outcome = await Citizen.PassThroughHubToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.True);
            Assert.That(outcome.Level, Is.EqualTo("LEVEL_1"));
        }
    }

    private async Task AtStubIdpOneAsync(Intent intent)
    {
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(intent);
        await Citizen.ChooseCompanyAsync(StubIdpOne);
    }
}
