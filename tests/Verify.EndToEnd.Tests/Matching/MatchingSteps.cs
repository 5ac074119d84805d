using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

using Verify.Cli.StartDev;
using Verify.EndToEnd.Tests.Support;
using Verify.StubIdp.Identities;

using static Microsoft.Playwright.Assertions;

namespace Verify.EndToEnd.Tests.Matching;

/// <summary>
/// What a citizen does on the matching journey's pages (ADR 0018), in English: the waiting page (selecting Continue
/// while it waits, as its text asks, rather than sitting out its reload), the further-information page, and the pages
/// after the answer. Every hub page reached is checked with axe by <see cref="Citizen.ExpectHubPageAsync"/>.
/// </summary>
internal sealed class MatchingSteps(Citizen citizen, DevFederation federation)
{
    public const string MatchingKey = "matching";
    public const string EndToEndKey = "end-to-end";
    public const string StubIdpOne = "Stub IDP One";
    public const string StubIdpTwo = "Stub IDP Two";
    public const string WaitingPath = "/checking-your-details";
    public const string WaitingHeading = "We are checking your details";
    public const string NinoLabel = "What is your National Insurance number?";
    public const string MatchedHeading = "You have proved your identity";
    public const string NoMatchHeading = "We could not find your record";
    public const string ErrorHeading = "Sorry, we could not check your details";

    /// <summary>A National Insurance number in the right format that no record holds.</summary>
    public const string UnknownNino = "AB 12 34 56 C";

    // The waiting page and the pages it leads to (ADR 0018).
    private static readonly string[] HubPagesAfterTheIdp =
        ["checking-your-details", "further-information", "continue", "record-not-found", "could-not-check-your-details", "account-not-created"];

    private IPage Page => citizen.Page;

    /// <summary>The stub IDPs' entity IDs, by name.</summary>
    public static string IdpEntityId(string company) => company == StubIdpOne ? "https://idp.test/stub-idp-one" : "https://idp.test/stub-idp-two";

    /// <summary>
    /// Verify's hashed PID (VERIFY-REFERENCE.md), computed here from its definition: hex(SHA-256(IDP entity ID +
    /// matching service entity ID + the IDP's PID)) at LEVEL_2.
    /// </summary>
    public static string ExpectedHashedPid(string company, string identityKey) => HashedPidAt(IdpEntityId(company), identityKey);

    /// <summary>
    /// VERIFY-REFERENCE.md's hashed PID at the dev matching service, LEVEL_2, for the IDP with this entity ID or OIDC
    /// issuer (ADR 0025: an OIDC IDP's PID is its sub), computed here independently of the hub and the service.
    /// </summary>
    public static string HashedPidAt(string idpId, string identityKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idpId + DevMatchingService.EntityId + PersistentIds.For(idpId, identityKey))));

    /// <summary>Test RP (registration <paramref name="service"/>) → hub → stub IDP, signed in at LEVEL_2 as <paramref name="identity"/>; ends once the matching service has answered.</summary>
    public async Task SignInAsync(string service, string company, string identity, bool awaitAnswer = true)
    {
        await citizen.StartAtServiceAsync(service: service);
        await citizen.AnswerStartAsync(Intent.SignIn);
        await citizen.ChooseCompanyAsync(company);
        await citizen.AnswerAtIdpAsync("Sign in at LEVEL_2", identity);
        if (awaitAnswer)
        {
            await AwaitAnswerAsync();
        }
    }

    /// <summary>
    /// On the waiting page, until the answer is there: Continue (a GET of the same page) every few tenths of a second,
    /// as the page invites; ends on the page it redirects to.
    /// </summary>
    public async Task AwaitAnswerAsync()
    {
        // First the hub's side of the IDP's answer: the waiting page, or already the page after it.
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(federation.HubUrl.AbsoluteUri) + "(" + string.Join('|', HubPagesAfterTheIdp) + ")"));
        var deadline = DateTimeOffset.UtcNow + BrowserTest.StepTimeout;
        while (OnWaitingPage())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail("The waiting page did not move on within " + BrowserTest.StepTimeout);
            }

            await Task.Delay(250);
            try
            {
                if (OnWaitingPage())
                {
                    await Page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync(new() { Timeout = 2_000 });
                }
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // The page reloaded itself (its Refresh header) under the click: look again.
            }
        }
    }

    /// <summary>On "You have proved your identity": Continue to the service; what the test RP shows.</summary>
    public async Task<ServiceOutcome> ContinueToServiceAsync(string serviceName)
    {
        await citizen.ExpectHubPageAsync("/continue", MatchedHeading);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to " + serviceName, Exact = true }).ClickAsync();
        return await citizen.PassThroughHubToServiceAsync();
    }

    /// <summary>On the further-information page: gives <paramref name="nino"/>; ends once the matching service has answered.</summary>
    public async Task GiveNinoAsync(string nino)
    {
        await citizen.ExpectHubPageAsync("/further-information", NinoLabel);
        await Page.GetByLabel(NinoLabel, new() { Exact = true }).FillAsync(nino);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await AwaitAnswerAsync();
    }

    /// <summary>The waiting page, checked (heading, language, axe) while the matching service has not answered.</summary>
    public Task ExpectWaitingPageAsync() => citizen.ExpectHubPageAsync(WaitingPath, WaitingHeading);

    private bool OnWaitingPage() => new Uri(Page.Url).AbsolutePath == WaitingPath && Page.Url.StartsWith(federation.HubUrl.AbsoluteUri, StringComparison.Ordinal);
}
