using System.Net;
using System.Xml;

using Verify.Hub.Tests.Support;
using Verify.Saml.Bindings;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Matching.Support;

/// <summary>A matching journey's steps, as the citizen's browser takes them, and what the RP receives.</summary>
internal static class MatchingFlow
{
    /// <summary>RP → hub → IDP → hub: the IDP's success posted to the ACS; returns the ACS's answer and the RP's request ID.</summary>
    public static async Task<(HttpResponseMessage Acs, string RpRequestId)> ToMatchingAsync(MatchingHarness harness, IdpAnswer? answer = null, HttpClient? client = null)
    {
        var hub = harness.Hub;
        var (request, relayState, rpRequestId) = await Flow.ToIdpAsync(hub, "sign-in", client: client);
        var idpAnswer = (answer ?? Flow.Answer(hub, request)) with { InResponseTo = request.Id, HubAcs = hub.AcsUrl, Now = hub.Time.GetUtcNow() };
        var acs = await Flow.PostAnswerAsync(hub, idpAnswer.Build(), relayState, client);
        return (acs, rpRequestId);
    }

    /// <summary>Waits for the exchanges in flight, then shows the waiting page as the browser would reload it (following its redirect).</summary>
    public static async Task<HttpResponseMessage> SettleAsync(MatchingHarness harness, HttpClient? client = null)
    {
        await harness.WhenIdleAsync();
        client ??= harness.Hub.Client;
        return await client.FollowAsync(await client.GetAsync(HubPaths.Matching));
    }

    /// <summary>The page's path, its status and its HTML.</summary>
    public static async Task<(string Path, HttpStatusCode Status, string Html)> ReadAsync(HttpResponseMessage page) =>
        (page.RequestMessage!.RequestUri!.AbsolutePath, page.StatusCode, await page.Content.ReadAsStringAsync());

    /// <summary>Submits the page's "continue" or "go back" form (POST /return-to-service): the page that posts to the RP.</summary>
    public static async Task<HttpResponseMessage> ReturnToServiceAsync(HttpClient client, HttpResponseMessage page, string? selector = null)
    {
        var html = await page.Content.ReadAsStringAsync();
        var form = selector ?? $"form[action='{HubPaths.ReturnToService}']";
        var posted = await client.SubmitAsync(page, form);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        return posted;
    }

    /// <summary>
    /// The Response the RP receives from the auto-POST page, its signature checked with the hub's key (any assertion is
    /// left encrypted), and the SAML status it carries.
    /// </summary>
    public static async Task<(XmlDocument Document, Response Response)> RpReceivesAsync(HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        var (action, fields) = Html.Form(html, "#saml-post");
        Assert.That(action, Is.EqualTo(TestDirectory.RpAcs));
        var document = PostBinding.Decode(fields).Document;
        XmlSignatureVerifier.Verify(document.DocumentElement!, TrustedKeySet.For(HubHarness.HubEntityId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("hub-signing"))));
        return (document, SamlXmlReader.Default.ReadResponse(document.DocumentElement!));
    }

    /// <summary>The RP's answer's status: top level, second level and message.</summary>
    public static async Task<(string Top, string? Second, string? Message)> RpStatusAsync(HttpResponseMessage page)
    {
        var (_, response) = await RpReceivesAsync(page);
        return (response.Status.StatusCode.Value, response.Status.StatusCode.SubCode?.Value, response.Status.StatusMessage);
    }
}
