using System.Net;

using Verify.Hub.Tests.Support;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Oidc.Client.Support;

/// <summary>The citizen's steps at the hub up to an OpenID Connect IDP: RP → hub → start page → choose page → the redirect.</summary>
internal static class OidcIdpFlow
{
    /// <summary>Chooses the IDP named <paramref name="company"/> (ID <paramref name="issuer"/>); returns the authorization request and the RP's request ID.</summary>
    public static async Task<(Uri Authorize, string RpRequestId)> ChooseAsync(
        HubHarness hub, string issuer, string company, HttpClient? client = null, string intent = "registration")
    {
        client ??= hub.Client;
        var start = await RpMessages.StartJourneyAsync(hub, client);
        var rpRequestId = client == hub.Client ? (await Flow.CurrentAsync(hub))!.Rp.RequestId : "";
        var choose = await client.FollowAsync(await client.SubmitAsync(start, set: ("Intent", intent)));
        Assert.That(await choose.Content.ReadAsStringAsync(), Does.Contain(company));
        using var toIdp = await client.SubmitAsync(choose, set: ("Idp", issuer));
        Assert.That(toIdp.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await toIdp.Content.ReadAsStringAsync());
        return (toIdp.Headers.Location!, rpRequestId);
    }
}
