using Microsoft.Playwright;

using Verify.EndToEnd.Tests.Support;

using static Microsoft.Playwright.Assertions;

namespace Verify.EndToEnd.Tests;

/// <summary>
/// The language a citizen chooses on one hub page stays chosen (ADR 0015): on the next page, across the company's
/// site (which is in English and offers no choice), and on the page the hub shows after the company's answer.
/// </summary>
public sealed class LanguageTests : BrowserTest
{
    [Test]
    public async Task ChoosingCymraeg_OnTheChoicePage_KeepsTheNextHubPagesInWelsh()
    {
        await Citizen.StartAtServiceAsync();
        await Citizen.AnswerStartAsync(Intent.Register);
        var welsh = HubTexts.Welsh;

        // On "Choose a certified company", in English: Cymraeg.
        await Page.Locator("nav.govuk-language-navigation").GetByRole(AriaRole.Link, new() { Name = welsh.Name, Exact = true }).ClickAsync();
        await Expect(Citizen.Heading(Page)).ToHaveTextAsync(welsh.ChooseHeading);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(Page.Locator("nav.govuk-language-navigation a[hreflang=en]")).ToHaveTextAsync("English");

        // The next page of the journey, after a form: still Welsh.
        await Page.GetByLabel("Stub IDP One", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = welsh.Continue, Exact = true }).ClickAsync();

        // The company's own pages are not the hub's: English, and no language navigation.
        await Expect(Citizen.Heading(Page)).ToHaveTextAsync(Citizen.IdpLoginHeading);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator("nav.govuk-language-navigation")).ToHaveCountAsync(0);

        // Back at the hub after the company's cross-site answer: Welsh again.
        await Citizen.AnswerAtIdpAsync("Authentication failed");
        await Expect(Citizen.Heading(Page)).ToHaveTextAsync(welsh.FailedHeading);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + welsh.GoBackToPrefix) })).ToBeVisibleAsync();
    }
}
