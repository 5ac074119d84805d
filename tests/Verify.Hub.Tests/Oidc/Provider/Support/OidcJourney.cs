using System.Net;

using Verify.Hub.Tests.Support;
using Verify.Saml.Bindings;
using Verify.Saml.Samlp;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Oidc.Provider.Support;

/// <summary>The citizen's way through the hub for an OIDC RP: the start page, the IDP (answered as the SAML stub IDP would), back to the RP.</summary>
internal static class OidcJourney
{
    /// <summary>From the start page to the hub's redirect to the RP, with the IDP's answer built by <paramref name="answer"/>.</summary>
    public static async Task<HttpResponseMessage> ThroughIdpAsync(OidcTestClient client, HttpResponseMessage startPage, Func<IdpAnswer, IdpAnswer>? answer = null) =>
        await AnswerFormAsync(client, await AtIdpAsync(client, startPage, answer).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>From the start page through the SAML IDP: the hub's answer to the IDP's Response (the ACS's page or redirect).</summary>
    public static async Task<HttpResponseMessage> AtIdpAsync(OidcTestClient client, HttpResponseMessage startPage, Func<IdpAnswer, IdpAnswer>? answer = null)
    {
        var hub = client.Hub;
        Assert.That(startPage.StatusCode, Is.EqualTo(HttpStatusCode.OK), await startPage.Content.ReadAsStringAsync().ConfigureAwait(false));
        var choose = await hub.Client.FollowAsync(await hub.Client.SubmitAsync(startPage, set: ("Intent", "registration")).ConfigureAwait(false)).ConfigureAwait(false);
        var toIdp = await hub.Client.SubmitAsync(choose, set: ("Idp", TestDirectory.IdpOne)).ConfigureAwait(false);
        var (_, fields) = Html.Form(await toIdp.Content.ReadAsStringAsync().ConfigureAwait(false), "#saml-post");
        var request = SamlXmlReader.Default.ReadAuthnRequest(PostBinding.Decode(fields).Document.DocumentElement!);
        var built = Flow.Answer(hub, request);
        return await Flow.PostAnswerAsync(hub, (answer is null ? built : answer(built)).Build(), fields["RelayState"]).ConfigureAwait(false);
    }

    /// <summary>Submits the hub's answer form (to its resume endpoint) and follows the hub's redirects to the RP's.</summary>
    public static async Task<HttpResponseMessage> AnswerFormAsync(OidcTestClient client, HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var (action, fields) = Html.Form(html, "#saml-post");
        Assert.That(new Uri(action).AbsolutePath, Is.EqualTo("/connect/authorize/resume"));
        var resumed = await client.Hub.Client.PostFormAsync(action, fields).ConfigureAwait(false);
        return await client.FollowOnHubAsync(resumed).ConfigureAwait(false);
    }

    /// <summary>A whole successful sign-in: the code and the callback's parameters.</summary>
    public static async Task<Dictionary<string, string>> SignInAsync(OidcTestClient client, params (string Name, string? Value)[] change)
    {
        var start = await client.AuthorizeAsync(change).ConfigureAwait(false);
        var callback = OidcTestClient.Callback(await ThroughIdpAsync(client, start).ConfigureAwait(false));
        Assert.That(callback, Does.ContainKey("code"), string.Join(", ", callback.Select(c => c.Key + "=" + c.Value)));
        return callback;
    }
}
