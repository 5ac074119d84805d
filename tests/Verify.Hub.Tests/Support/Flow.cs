using System.Net;
using System.Xml;

using Verify.Hub.Journey;
using Verify.Saml.Bindings;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Support;

/// <summary>Steps of a journey through the hub, as the citizen's browser takes them.</summary>
internal static class Flow
{
    /// <summary>RP → hub → start page → choose page → the form to the IDP; returns the hub's AuthnRequest and RelayState.</summary>
    public static async Task<(AuthnRequest Request, string RelayState, string RpRequestId)> ToIdpAsync(
        HubHarness hub, string intent = "registration", string idp = TestDirectory.IdpOne, HttpClient? client = null)
    {
        client ??= hub.Client;
        var start = await RpMessages.StartJourneyAsync(hub, client).ConfigureAwait(false);
        var rpRequestId = client == hub.Client ? (await CurrentAsync(hub).ConfigureAwait(false))!.Rp.RequestId : "";
        var choose = await client.FollowAsync(await client.SubmitAsync(start, set: ("Intent", intent)).ConfigureAwait(false)).ConfigureAwait(false);
        var toIdp = await client.SubmitAsync(choose, set: ("Idp", idp)).ConfigureAwait(false);
        var html = await toIdp.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.That(toIdp.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var (action, fields) = Html.Form(html, "#saml-post");
        Assert.That(action, Is.EqualTo(TestDirectory.IdpSso));
        var request = SamlXmlReader.Default.ReadAuthnRequest(PostBinding.Decode(fields).Document.DocumentElement!);
        return (request, fields["RelayState"], rpRequestId);
    }

    public static IdpAnswer Answer(HubHarness hub, AuthnRequest request) =>
        new() { InResponseTo = request.Id, HubAcs = hub.AcsUrl, Now = hub.Time.GetUtcNow() };

    public static Task<HttpResponseMessage> PostAnswerAsync(HubHarness hub, XmlDocument response, string? relayState, HttpClient? client = null)
    {
        var fields = new Dictionary<string, string> { ["SAMLResponse"] = PostBinding.Encode(response) };
        if (relayState is not null)
        {
            fields["RelayState"] = relayState;
        }

        return (client ?? hub.Client).PostFormAsync(hub.AcsUrl, fields);
    }

    public static JourneyId? CurrentId(HubHarness hub) =>
        JourneyId.TryParse(hub.Cookies.GetCookies(hub.BaseUrl)["verify-journey"]?.Value, out var id) ? id : null;

    public static async Task<JourneyRecord?> CurrentAsync(HubHarness hub) =>
        CurrentId(hub) is { } id ? await hub.Journeys.GetAsync(id).ConfigureAwait(false) : null;

    /// <summary>Reads the hub's answer to the RP from the auto-POST page, validated as the test RP validates it.</summary>
    public static async Task<(IdpResponse Answer, string? RelayState, string Action)> RpReceivesAsync(HubHarness hub, HttpResponseMessage page, string rpRequestId)
    {
        var html = await page.Content.ReadAsStringAsync().ConfigureAwait(false);
        var (action, fields) = Html.Form(html, "#saml-post");
        var document = PostBinding.Decode(fields).Document;
        var validator = new ResponseValidator(new SamlValidationOptions(), new InMemoryReplayCache(hub.Time), hub.Time);
        var valid = await validator.ValidateAsync(document, new ExpectedResponse
        {
            Issuer = HubHarness.HubEntityId,
            IssuerKeys = TrustedKeySet.For(HubHarness.HubEntityId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("hub-signing"))),
            Destination = TestDirectory.RpAcs,
            Audience = TestDirectory.Rp,
            InResponseTo = rpRequestId,
            DecryptionKeys = [DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("test-rp-encryption"))],
            Shape = ResponseShape.SingleAssertion,
        }).ConfigureAwait(false);
        return (valid.Value, fields.GetValueOrDefault("RelayState"), action);
    }
}
