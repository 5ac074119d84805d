using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

using Microsoft.Playwright;

using Verify.Cli.StartDev;
using Verify.EndToEnd.Tests.Support;
using Verify.StubIdp.Identities;

using static Microsoft.Playwright.Assertions;

namespace Verify.EndToEnd.Tests.OidcRp;

/// <summary>
/// The test RP's OpenID Connect registration (<c>?service=oidc</c>, ADR 0024) as a citizen meets it, and what the
/// tests expect of it, computed here from definitions rather than read from the hub.
/// </summary>
internal sealed class OidcRpSteps(Citizen citizen, DevFederation federation)
{
    public const string Key = "oidc";
    public const string ServiceName = "Test service, OpenID Connect";
    public const string StubIdpOne = "Stub IDP One";
    public const string StubIdpOneEntityId = "https://idp.test/stub-idp-one";

    /// <summary>The SAML registration's sector: its entity ID (the hub keys SAML pairwise IDs by it).</summary>
    public const string SamlSector = "https://rp.test";

    private IPage Page => citizen.Page;

    /// <summary>
    /// The pairwise identifier (ARCHITECTURE.md "Identifiers", HubSecrets): hex(HMAC-SHA256(K, sector ‖ IDP entity ID
    /// ‖ IDP PID)) with K = HKDF-SHA256(the development secret, info "verify/pairwise-identifier/v1"), parts joined by
    /// U+001F; the stub IDP's PID from its definition (<see cref="PersistentIds"/>).
    /// </summary>
    public string ExpectedPairwiseId(string sector, string identityKey, string idp = StubIdpOneEntityId)
    {
        var secret = Convert.FromBase64String(File.ReadAllText(federation.PairwiseSecretPath!).Trim());
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("verify/pairwise-identifier/v1"));
        var text = string.Join('\u001f', sector, idp, PersistentIds.For(idp, identityKey));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>At the hub after the IDP's answer: its form goes on to the RP's redirect URI (JavaScript on).</summary>
    public async Task ExpectAtCallbackAsync()
    {
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(federation.TestRpUrl, "oidc/callback").AbsoluteUri) + @"\?"));
        await Expect(Citizen.Heading(Page)).ToHaveTextAsync(new Regex("^You have (not )?proved your identity$"));
    }

    /// <summary>
    /// "Sign out" on the verified identity's page (RP-Initiated Logout 1.0): through the hub's end-session endpoint back
    /// to the test RP's post-logout redirect URI, which confirms it.
    /// </summary>
    public async Task SignOutAsync()
    {
        await Page.Locator("#sign-out").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(federation.TestRpUrl, "oidc/signed-out").AbsoluteUri) + @"\?"));
        await Expect(Citizen.Heading(Page)).ToHaveTextAsync("You have signed out");
    }

    /// <summary>The text of the element with <paramref name="id"/> on the RP's page.</summary>
    public async Task<string> TextAsync(string id) => (await Page.Locator("#" + id).InnerTextAsync()).Trim();

    /// <summary>Each identity claim the page shows, by name (<c>data-attribute</c>), lines joined by a space.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ClaimsAsync()
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in await Page.Locator("[data-attribute]").AllAsync())
        {
            var lines = await item.Locator("p").AllInnerTextsAsync();
            claims[(await item.GetAttributeAsync("data-attribute"))!] = Regex.Replace(string.Join(' ', lines), @"\s+", " ").Trim();
        }

        return claims;
    }

    /// <summary>axe on the test RP's page (it is what departments copy): the report, or null when it passes.</summary>
    public Task<string?> AccessibilityAsync(string what) => Accessibility.CheckAsync(Page, what, javaScriptEnabled: true);
}
