using System.Net;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Samlp;

namespace Verify.TestRp.Tests.Support;

/// <summary>The citizen's steps at the test RP, as a browser takes them.</summary>
internal static class Journey
{
    /// <summary>Opens the start page and selects "Prove your identity" with <paramref name="binding"/>.</summary>
    public static async Task<SentRequest> StartAsync(Browser browser, string binding = TestRpPaths.BindingPost)
    {
        using var startPage = await browser.GetAsync(TestRpPaths.Start);
        var token = Html.InputValue(await startPage.Content.ReadAsStringAsync(), "__RequestVerificationToken")
            ?? throw new AssertionException("The start page has no antiforgery token.");
        using var response = await browser.PostFormAsync(TestRpPaths.StartJourney, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            [TestRpPaths.BindingField] = binding,
        });
        var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        if (binding == TestRpPaths.BindingRedirect)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            var location = response.Headers.Location ?? throw new AssertionException("The redirect has no Location.");
            var message = RedirectBinding.Decode(location.Query);
            return new SentRequest(Read(message.Document), message.Document, message.RelayState!, location, null, message, setCookies);
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        var samlRequest = Html.InputValue(html, "SAMLRequest") ?? throw new AssertionException("The page has no SAMLRequest.");
        var relayState = Html.InputValue(html, "RelayState") ?? throw new AssertionException("The page has no RelayState.");
        var post = PostBinding.Decode(SamlMessageKind.Request, samlRequest, relayState);
        return new SentRequest(Read(post.Document), post.Document, relayState, null, html, null, setCookies)
        {
            ContentSecurityPolicy = response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? csp.Single() : null,
        };
    }

    /// <summary>The hub's POST back to the ACS (what the auto-submitting form does).</summary>
    public static async Task<AcsPage> PostToAcsAsync(Browser browser, string samlResponse, string? relayState)
    {
        var fields = new Dictionary<string, string> { ["SAMLResponse"] = samlResponse };
        if (relayState is not null)
        {
            fields["RelayState"] = relayState;
        }

        using var response = await browser.PostFormAsync(TestRpPaths.Acs, fields);
        return await AcsPage.ReadAsync(response);
    }

    private static AuthnRequest Read(XmlDocument document) => SamlXmlReader.Default.ReadAuthnRequest(document.DocumentElement!);
}
