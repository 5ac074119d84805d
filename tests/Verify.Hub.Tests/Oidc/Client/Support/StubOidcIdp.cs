using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

using Verify.Hub.Directory;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Tests.Support;
using Verify.Saml.Trust;
using Verify.StubIdp;
using Verify.StubIdp.Oidc;
using Verify.Testing;
using Verify.Testing.Web;
using Verify.Web.Hosting;

namespace Verify.Hub.Tests.Oidc.Client.Support;

/// <summary>
/// The stub IDP's OpenID Provider (ADR 0022) running for real beside a <see cref="HubHarness"/>: Kestrel on
/// <c>https://localhost:{port}</c> with the certs-sample TLS certificate, the hub's client registered with the hub's
/// sample signing key, on the hub's clock. <see cref="Browser"/> is the citizen's browser at the IDP.
/// </summary>
internal sealed class StubOidcIdp : IAsyncDisposable
{
    public const string Slug = "stub-idp-one";
    public const string ClientId = "https://hub.test/oidc";

    private readonly WebApplication _app;

    private StubOidcIdp(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Browser = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = HubHarness.TrustsSampleTls },
        });
    }

    public Uri BaseUrl { get; }

    public HttpClient Browser { get; }

    public string Issuer => new Uri(BaseUrl, $"{Slug}/oidc").AbsoluteUri;

    /// <summary>Rewrites the stub's userinfo answer before it leaves (a dishonest or broken IDP); null leaves it alone.</summary>
    public Action<JsonObject>? UserInfoRewrite { get; set; }

    /// <param name="hub">The hub the IDP answers.</param>
    /// <param name="userInfoOnly">Release the identity claims at userinfo only (<see cref="StubOidcOptions.IdentityClaimsAtUserInfoOnly"/>).</param>
    public static async Task<StubOidcIdp> StartAsync(HubHarness hub, bool userInfoOnly = false)
    {
        var baseUrl = new Uri($"https://localhost:{FreePort()}/");
        var options = new StubIdpOptions
        {
            HubEntityId = HubHarness.HubEntityId,
            HubAcsUrl = hub.AcsUrl,
            HubSigningCertificates = [SampleCerts.Certificate("hub-signing")],
            HubEncryptionCertificate = SampleCerts.Certificate("hub-encryption"),
            SigningCertificate = SampleCerts.CertificateWithKey("stub-idp-signing"),
            TimeProvider = hub.Time,
            Oidc = new StubOidcOptions
            {
                HubClientId = ClientId,
                HubRedirectUris = [new Uri(hub.BaseUrl, "oidc/client/callback").AbsoluteUri],
                IdentityClaimsAtUserInfoOnly = userInfoOnly,
            },
        };
        var app = StubIdpApp.Build(options, new WebAppEndpoint(baseUrl, SampleCerts.CertificateWithKey("tls")));
        StubOidcIdp? idp = null;
        app.Use(async (context, next) =>
        {
            if (idp?.UserInfoRewrite is not { } rewrite || !context.Request.Path.Value!.EndsWith("/userinfo", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            var body = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            await next(context);
            context.Response.Body = body;
            var json = JsonNode.Parse(buffer.ToArray())!.AsObject();
            rewrite(json);
            var bytes = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
            context.Response.ContentLength = bytes.Length;
            await body.WriteAsync(bytes);
        });
        await app.StartAsync();
        idp = new StubOidcIdp(app, baseUrl);
        return idp;
    }

    /// <summary>The IDP as the hub directory registers it: by issuer, with its certified levels and (optionally) pinned keys.</summary>
    public HubIdentityProvider Registration(string? pinnedJwks = null, params LevelOfAssurance[] levels) => new()
    {
        EntityId = Issuer,
        DisplayName = "Stub OIDC IDP",
        CertifiedLevels = LevelOfAssuranceSet.Of(levels.Length == 0 ? [LevelOfAssurance.Level1, LevelOfAssurance.Level2] : levels),
        Trust = new PartyTrust { PartyId = Issuer, Role = PartyRole.IdentityProvider, Kind = TrustKind.Pinned, Certificates = [] },
        Oidc = new HubOidcIdentityProvider { Issuer = Issuer, ClientId = ClientId, PinnedJwks = pinnedJwks },
    };

    /// <summary>From the hub's authorization request to the IDP's redirect back: opens the login page and presses a button.</summary>
    public async Task<Uri> AnswerAsync(Uri authorizationRequest, string outcome, string identity = "sarah-thompson")
    {
        using var authorize = await Browser.GetAsync(authorizationRequest);
        Assert.That(authorize.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await authorize.Content.ReadAsStringAsync());
        using var page = await Browser.GetAsync(new Uri(BaseUrl, authorize.Headers.Location!));
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var (action, fields) = Html.Form(html);
        fields["outcome"] = outcome;
        fields["identity"] = identity;
        using var answer = await Browser.PostAsync(new Uri(page.RequestMessage!.RequestUri!, action), new FormUrlEncodedContent(fields));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), await answer.Content.ReadAsStringAsync());
        return answer.Headers.Location!;
    }

    /// <summary>The query parameters of <paramref name="uri"/>.</summary>
    public static Dictionary<string, string> Query(Uri uri) =>
        QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
