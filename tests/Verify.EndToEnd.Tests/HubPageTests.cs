using Microsoft.Playwright;

using Verify.EndToEnd.Tests.Support;
using Verify.Testing;

using static Microsoft.Playwright.Assertions;

namespace Verify.EndToEnd.Tests;

/// <summary>
/// Hub pages that no stub IDP answer leads to: the error states of the two questions, and the page for a browser
/// with no journey; checked with axe like every other hub page, in English and in Welsh (the citizen chooses
/// Cymraeg on the first hub page). Also the README's screenshot of the company choice.
/// </summary>
[TestFixture(PageLanguage.English)]
[TestFixture(PageLanguage.Welsh)]
public sealed class HubPageTests(PageLanguage language) : BrowserTest
{
    /// <inheritdoc/>
    protected override PageLanguage Language => language;

    [Test]
    public async Task StartPage_ContinueWithoutAnAnswer_ShowsTheErrorAndLinksToTheQuestion()
    {
        await Citizen.StartAtServiceAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = Citizen.Texts.Continue, Exact = true }).ClickAsync();

        await ExpectErrorAsync(Citizen.Texts.StartError, "#intent");
        await Expect(Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(Citizen.Texts.ErrorTitlePrefix)));
        await Citizen.ExpectHubPageAsync("/start", Citizen.Texts.StartHeading);
    }

    [Test]
    public async Task ChooseCompany_ContinueWithoutAChoice_ShowsTheErrorAndLinksToTheChoice()
    {
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);

        await Page.GetByRole(AriaRole.Button, new() { Name = Citizen.Texts.Continue, Exact = true }).ClickAsync();

        await ExpectErrorAsync(Citizen.Texts.ChooseError, "#idp");
        await Citizen.ExpectHubPageAsync("/choose-a-certified-company", Citizen.Texts.ChooseHeading);
    }

    [Test]
    public async Task WithoutAJourney_TheHubSaysItCannotFindTheSession()
    {
        // A browser that never came from a service (a bookmark, or cookies blocked).
        await Page.GotoAsync(new Uri(Federation.HubUrl, "start").AbsoluteUri);
        await Citizen.ChooseLanguageAsync();

        await Citizen.ExpectHubPageAsync("/no-session", Citizen.Texts.NoSessionHeading);
    }

    [Test]
    public async Task AJourneyLeftTooLong_TimesOut_AndTheServiceHearsNoAuthnContext()
    {
        await Citizen.StartAtServiceAsync();

        // A journey that has not reached an IDP lives 5 minutes from its last step, and reads as timed out for 5 more.
        EndToEndSetup.Clock.Advance(TimeSpan.FromMinutes(6));
        await Page.ReloadAsync();

        await Citizen.ExpectHubPageAsync("/session-timed-out", Citizen.Texts.TimeoutHeading);
        var outcome = await Citizen.GoBackToServiceAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Proved, Is.False);
            Assert.That(outcome.StatusCode, Does.EndWith(":Responder"));
            Assert.That(outcome.SubStatusCode, Does.EndWith(":NoAuthnContext"));
        }
    }

    [Test]
    public async Task ChooseCompanyPage_Screenshot()
    {
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);

        // The README shows this page in English (docs/images/choose-a-company.png); it is rewritten only when asked, so
        // a test run never changes the working tree by surprise. The Welsh one is kept with the test's output.
        var update = Environment.GetEnvironmentVariable("VERIFY_UPDATE_SCREENSHOTS") == "1" && language == PageLanguage.English;
        var file = language == PageLanguage.English ? "choose-a-company.png" : "choose-a-company-cy.png";
        var path = update
            ? RepoPaths.Combine("docs", "images", file)
            : Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });

        TestContext.AddTestAttachment(path, "the Choose a certified company page");
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(10_000), path);
    }

    // GOV.UK error pattern: a summary at the top linking to the field, and the same message at the field.
    private async Task ExpectErrorAsync(string message, string fieldSelector)
    {
        var summary = Page.Locator(".govuk-error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = message })).ToHaveAttributeAsync("href", fieldSelector);
        await Expect(Page.Locator(".govuk-error-message")).ToContainTextAsync(message);
        await Expect(Page.Locator(fieldSelector)).ToHaveCountAsync(1);
    }
}
