using System.Text.RegularExpressions;

using Microsoft.Playwright;

using Verify.Cli.StartDev;

using static Microsoft.Playwright.Assertions;

namespace Verify.EndToEnd.Tests.Support;

/// <summary>
/// A citizen in one browser page, doing what a person does on each page of the federation: by visible labels, button
/// texts and headings (never by internal IDs where a person would read a label), so the tests break when what people
/// see breaks. Every hub page the citizen lands on is checked with axe; what axe finds is collected in
/// <see cref="AccessibilityFailures"/> and fails the test when it ends (<see cref="BrowserTest"/>), so one page's
/// violation does not hide what the rest of the journey would show. Without JavaScript the SAML HTTP-POST binding
/// pages do not submit themselves: the citizen selects their Continue button, as the page asks. A citizen who reads
/// Welsh chooses "Cymraeg" on the first hub page and then expects every hub page in Welsh (ADR 0015); the stub IDP
/// and the test RP stay in English.
/// </summary>
public sealed class Citizen
{
    /// <summary>The stub IDP's login page heading.</summary>
    public const string IdpLoginHeading = "Sign in with a test identity";

    private readonly DevFederation _federation;
    private readonly bool _javaScript;
    private readonly List<string> _accessibilityFailures = [];

    internal Citizen(IPage page, DevFederation federation, bool javaScript, PageLanguage language = PageLanguage.English)
    {
        Page = page;
        _federation = federation;
        _javaScript = javaScript;
        Texts = HubTexts.For(language);
    }

    /// <summary>The page the citizen is on.</summary>
    public IPage Page { get; }

    /// <summary>What the hub's pages say in the citizen's language.</summary>
    public HubTexts Texts { get; }

    /// <summary>axe's report for each hub page visited that has violations.</summary>
    public IReadOnlyList<string> AccessibilityFailures => _accessibilityFailures;

    /// <summary>
    /// At the test RP: "Prove your identity" with the chosen binding for the RP's AuthnRequest; ends on the hub's start
    /// page (checked), in the citizen's language (chosen there if this browser has not chosen it before).
    /// </summary>
    /// <param name="binding">How the test RP sends its AuthnRequest.</param>
    /// <param name="service">The test RP's registration to sign in with (<c>?service=</c>); null for its own.</param>
    public async Task StartAtServiceAsync(RpBinding binding = RpBinding.Post, string? service = null)
    {
        await Page.GotoAsync(service is null ? _federation.TestRpUrl.AbsoluteUri : new Uri(_federation.TestRpUrl, "?service=" + service).AbsoluteUri).ConfigureAwait(false);
        if (binding == RpBinding.Redirect)
        {
            await Page.GetByLabel("HTTP-Redirect", new() { Exact = true }).CheckAsync().ConfigureAwait(false);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Prove your identity" }).ClickAsync().ConfigureAwait(false);
        if (!_javaScript && binding == RpBinding.Post)
        {
            await ContinueThroughPostFormAsync(_federation.TestRpUrl, "Sending you to GOV.UK Verify", hubPage: false).ConfigureAwait(false);
        }

        await ChooseLanguageAsync().ConfigureAwait(false);
        await ExpectHubPageAsync("/start", Texts.StartHeading).ConfigureAwait(false);
    }

    /// <summary>
    /// On any hub page: selects the citizen's language in the language navigation unless the page is in it already
    /// (a GET link that works without JavaScript); ends on the same page in that language.
    /// </summary>
    public async Task ChooseLanguageAsync()
    {
        var html = Page.Locator("html");
        if (await html.GetAttributeAsync("lang").ConfigureAwait(false) == Texts.Code)
        {
            return;
        }

        var path = new Uri(Page.Url).AbsolutePath;
        await Page.Locator("nav.govuk-language-navigation").GetByRole(AriaRole.Link, new() { Name = Texts.Name, Exact = true }).ClickAsync().ConfigureAwait(false);
        await Expect(html).ToHaveAttributeAsync("lang", Texts.Code).ConfigureAwait(false);
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(_federation.HubUrl, path).AbsoluteUri))).ConfigureAwait(false);
        await Expect(Page.Locator("nav.govuk-language-navigation [aria-current=true]")).ToHaveTextAsync(Texts.Name).ConfigureAwait(false);
    }

    /// <summary>On the hub's start page: answers the question and continues to choose a company (checked).</summary>
    public async Task AnswerStartAsync(Intent intent)
    {
        var label = intent == Intent.SignIn ? Texts.SignIn : Texts.Register;
        await Page.GetByLabel(label, new() { Exact = true }).CheckAsync().ConfigureAwait(false);
        await ClickContinueAsync().ConfigureAwait(false);
        await ExpectHubPageAsync("/choose-a-certified-company", Texts.ChooseHeading).ConfigureAwait(false);
    }

    /// <summary>On "Choose a certified company": chooses <paramref name="company"/>; ends on its login page.</summary>
    public async Task ChooseCompanyAsync(string company)
    {
        await Page.GetByLabel(company, new() { Exact = true }).CheckAsync().ConfigureAwait(false);
        await ClickContinueAsync().ConfigureAwait(false);
        if (!_javaScript)
        {
            await ContinueThroughPostFormAsync(_federation.HubUrl, Texts.SendingToCompany(company), hubPage: true).ConfigureAwait(false);
        }

        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(_federation.StubIdpUrl.AbsoluteUri) + "[a-z0-9-]+/login")).ConfigureAwait(false);
        await Expect(Heading(Page)).ToHaveTextAsync(IdpLoginHeading).ConfigureAwait(false);
        await Expect(Page.Locator(".govuk-caption-l")).ToHaveTextAsync(company).ConfigureAwait(false);
    }

    /// <summary>On the stub IDP's login page: picks <paramref name="identity"/> (by name) and presses <paramref name="button"/>.</summary>
    public async Task AnswerAtIdpAsync(string button, string? identity = null)
    {
        if (identity is not null)
        {
            await Page.GetByLabel(identity, new() { Exact = true }).CheckAsync().ConfigureAwait(false);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync().ConfigureAwait(false);
        if (!_javaScript)
        {
            await ContinueThroughPostFormAsync(_federation.StubIdpUrl, "Returning you to GOV.UK Verify", hubPage: false).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Back at the hub after a successful answer: without JavaScript the hub's own form to the service (checked) is
    /// continued by hand; with it the browser goes straight on. Ends at the service: what it shows.
    /// </summary>
    public async Task<ServiceOutcome> PassThroughHubToServiceAsync()
    {
        if (!_javaScript)
        {
            await ContinueThroughPostFormAsync(_federation.HubUrl, Texts.ReturningToService, hubPage: true).ConfigureAwait(false);
        }

        return await ExpectAtServiceAcsAsync().ConfigureAwait(false);
    }

    /// <summary>On a hub page: "Go back to …" (the secondary button), which answers the service: what it shows.</summary>
    public async Task<ServiceOutcome> GoBackToServiceAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(Texts.GoBackToPrefix)) }).ClickAsync().ConfigureAwait(false);
        return await PassThroughHubToServiceAsync().ConfigureAwait(false);
    }

    /// <summary>On an outcome page: "Try another certified company"; ends on "Choose a certified company" (checked).</summary>
    public async Task TryAnotherCompanyAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = Texts.TryAnotherCompany, Exact = true }).ClickAsync().ConfigureAwait(false);
        await ExpectHubPageAsync("/choose-a-certified-company", Texts.ChooseHeading).ConfigureAwait(false);
    }

    /// <summary>
    /// Asserts the page is the hub's <paramref name="path"/> showing <paramref name="heading"/> in the citizen's language,
    /// then runs axe on it.
    /// </summary>
    public async Task ExpectHubPageAsync(string path, string heading)
    {
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(_federation.HubUrl, path).AbsoluteUri) + @"(\?.*)?$")).ConfigureAwait(false);
        await Expect(Heading(Page)).ToHaveTextAsync(heading).ConfigureAwait(false);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", Texts.Code).ConfigureAwait(false);
        await CheckAccessibilityAsync($"the hub page \"{heading}\"").ConfigureAwait(false);
    }

    /// <summary>At the test RP after the hub's answer: what the service shows.</summary>
    private async Task<ServiceOutcome> ExpectAtServiceAcsAsync()
    {
        await Expect(Page).ToHaveURLAsync(new Uri(_federation.TestRpUrl, "SAML2/ACS").AbsoluteUri).ConfigureAwait(false);
        var heading = Heading(Page);
        await Expect(heading).ToHaveTextAsync(new Regex("^You have (not )?proved your identity$")).ConfigureAwait(false);
        return await ServiceOutcome.ReadAsync(Page).ConfigureAwait(false);
    }

    /// <summary>The page's one h1.</summary>
    internal static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private async Task CheckAccessibilityAsync(string what)
    {
        if (await Accessibility.CheckAsync(Page, what, _javaScript).ConfigureAwait(false) is { } report)
        {
            _accessibilityFailures.Add(report);
        }
    }

    private Task ClickContinueAsync() =>
        Page.GetByRole(AriaRole.Button, new() { Name = Texts.Continue, Exact = true }).ClickAsync();

    // The SAML HTTP-POST binding page (Verify.Web's _SamlPostForm) as a browser without JavaScript shows it.
    private async Task ContinueThroughPostFormAsync(Uri site, string heading, bool hubPage)
    {
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(site.AbsoluteUri))).ConfigureAwait(false);
        await Expect(Heading(Page)).ToHaveTextAsync(heading).ConfigureAwait(false);
        if (hubPage)
        {
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", Texts.Code).ConfigureAwait(false);
            await CheckAccessibilityAsync($"the hub's SAML POST page \"{heading}\"").ConfigureAwait(false);
        }

        // The hub's own form speaks the citizen's language; the RP's and the IDP's are in English.
        var button = hubPage ? Texts.Continue : "Continue";
        await Page.Locator("form#saml-post").GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync().ConfigureAwait(false);
    }
}
