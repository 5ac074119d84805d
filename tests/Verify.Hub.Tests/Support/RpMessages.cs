using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Support;

/// <summary>The test RP's side of the hub's SSO endpoint: signed AuthnRequests, and a Response reader.</summary>
internal static class RpMessages
{
    public static AuthnRequest Request(HubHarness hub) => new()
    {
        Id = SamlIds.NewId(),
        IssueInstant = hub.Time.GetUtcNow(),
        Destination = hub.SsoUrl,
        Issuer = Issuer.Entity(TestDirectory.Rp),
        NameIdPolicy = new NameIdPolicy { Format = NameIdFormats.Persistent, AllowCreate = true },
    };

    public static XmlDocument Signed(AuthnRequest request, string key = "test-rp-signing")
    {
        var document = SamlXmlWriter.WriteAuthnRequest(request);
        XmlSigner.Sign(document.DocumentElement!, SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(key)));
        return document;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, HubHarness hub, XmlDocument request, string? relayState = "rp-state") =>
        client.PostFormAsync(hub.SsoUrl, Fields(("SAMLRequest", PostBinding.Encode(request)), ("RelayState", relayState)));

    /// <summary>Starts a journey as the test RP does; returns the start page.</summary>
    public static async Task<HttpResponseMessage> StartJourneyAsync(HubHarness hub, HttpClient? client = null)
    {
        client ??= hub.Client;
        var response = await PostAsync(client, hub, Signed(Request(hub))).ConfigureAwait(false);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Found), await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        var page = await client.FollowAsync(response).ConfigureAwait(false);
        Assert.That(page.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), $"{page.RequestMessage!.RequestUri}: {await page.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        return page;
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Name, f.Value!));
}
