using System.Text.RegularExpressions;

using Microsoft.Playwright;

using Verify.Cli.StartDev;
using Verify.EndToEnd.Tests.Support;

using static Microsoft.Playwright.Assertions;

namespace Verify.EndToEnd.Tests.OidcIdp;

/// <summary>
/// What a citizen does with the stub IDP's OpenID Connect side (ADR 0022): chooses it on the hub's page, is redirected
/// to its login page (an authorization request, no form to post), and presses a button there (a redirect back to the
/// hub's callback).
/// </summary>
internal sealed class OidcIdpSteps(Citizen citizen, DevFederation federation)
{
    public const string Company = "Stub IDP One (OpenID Connect)";

    private IPage Page => citizen.Page;

    /// <summary>The issuer start-dev registers (the stub's port, on localhost).</summary>
    public string Issuer => $"https://localhost:{federation.StubIdpUrl.Port}/stub-idp-one/oidc";

    /// <summary>On "Choose a certified company": chooses the OIDC IDP; ends on its login page.</summary>
    public async Task ChooseAsync()
    {
        await Page.GetByLabel(Company, new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = citizen.Texts.Continue, Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Issuer) + "/login"));
        await Expect(Citizen.Heading(Page)).ToHaveTextAsync(Citizen.IdpLoginHeading);
    }

    /// <summary>On the OIDC login page: picks <paramref name="identity"/> and presses <paramref name="button"/>.</summary>
    public async Task AnswerAsync(string button, string? identity = null)
    {
        if (identity is not null)
        {
            await Page.GetByLabel(identity, new() { Exact = true }).CheckAsync();
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }
}
