using System.Net;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Samlp;

namespace Verify.StubIdp.Tests.Support;

/// <summary>
/// A browser's trip through the stub: the hub's signed AuthnRequest posted to an IDP's SSO endpoint, the redirect
/// followed to the login page, and one button pressed there.
/// </summary>
internal sealed class LoginJourney(StubIdpHost host, string slug)
{
    public const string RelayState = "hub-relay-state-0001";

    public HttpClient Client { get; } = host.NewClient();

    public string Slug { get; } = slug;

    public string RequestId { get; private set; } = "";

    public string LoginPageHtml { get; private set; } = "";

    public Uri? LoginPageUrl { get; private set; }

    /// <summary>Sends a fresh hub request and opens the login page it leads to.</summary>
    public async Task<LoginJourney> OpenLoginPageAsync(Action<AuthnRequest>? inspect = null)
    {
        var request = SampleHub.Request(host.SsoUrl(Slug), host.Clock.GetUtcNow());
        inspect?.Invoke(request);
        RequestId = request.Id;
        using var sso = await Client.PostAsync(host.SsoUrl(Slug), SampleHub.PostForm(SampleHub.Signed(request), RelayState));
        Assert.That(sso.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), await sso.Content.ReadAsStringAsync());
        LoginPageUrl = new Uri(host.BaseUrl, sso.Headers.Location!);
        using var page = await Client.GetAsync(LoginPageUrl);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), await page.Content.ReadAsStringAsync());
        LoginPageHtml = await page.Content.ReadAsStringAsync();
        return this;
    }

    /// <summary>Continues from <paramref name="html"/> (the login page shown again, e.g. with an error).</summary>
    public LoginJourney WithPage(string html)
    {
        LoginPageHtml = html;
        return this;
    }

    /// <summary>Presses a button on the login page, with the page's own fields unless told otherwise.</summary>
    public async Task<HttpResponseMessage> PressAsync(string outcome, string? identity = null, Action<Dictionary<string, string>>? tamper = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.InputValue(LoginPageHtml, "__RequestVerificationToken")!,
            ["pending"] = Html.InputValue(LoginPageHtml, "pending")!,
            ["outcome"] = outcome,
        };
        if (identity is not null)
        {
            fields["identity"] = identity;
        }

        tamper?.Invoke(fields);
        return await Client.PostAsync(new Uri(host.BaseUrl, Html.FormAction(LoginPageHtml)!), new FormUrlEncodedContent(fields));
    }

    /// <summary>Presses a button and reads the answer page: the Response posted to the hub, and the form around it.</summary>
    public async Task<Answer> AnswerAsync(string outcome, string? identity = null)
    {
        using var response = await PressAsync(outcome, identity);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var samlResponse = Html.InputValue(html, "SAMLResponse");
        Assert.That(samlResponse, Is.Not.Null, html);
        var message = PostBinding.Decode(SamlMessageKind.Response, samlResponse!, Html.InputValue(html, "RelayState"));
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(", ", values) : null;
        return new Answer(message.Document, message.RelayState, Html.FormAction(html), csp);
    }

    /// <summary>What the answer page carries.</summary>
    public sealed record Answer(XmlDocument Response, string? RelayState, string? FormAction, string? ContentSecurityPolicy);
}
