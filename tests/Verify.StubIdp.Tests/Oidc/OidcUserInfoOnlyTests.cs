using System.Text.Json;

using Microsoft.IdentityModel.JsonWebTokens;

using Verify.StubIdp.Identities;
using Verify.StubIdp.Oidc;
using Verify.StubIdp.Tests.Support;

namespace Verify.StubIdp.Tests.Oidc;

/// <summary>
/// <see cref="StubOidcOptions.IdentityClaimsAtUserInfoOnly"/> (OIDC Core 5.4): the ID token carries no identity claim,
/// the advertised userinfo endpoint carries them all, about the same subject (ADR 0025 addendum).
/// </summary>
public sealed class OidcUserInfoOnlyTests
{
    private static readonly string[] IdentityClaims = ["given_name", "middle_name", "family_name", "birthdate", "gender", "address", StubOidcClaims.MatchingDataset];

    private StubIdpHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await StubIdpHost.StartAsync(options =>
    {
        var withOidc = OidcHubClient.WithOidc(options);
        return withOidc with { Oidc = withOidc.Oidc! with { IdentityClaimsAtUserInfoOnly = true } };
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task IdTokenCarriesNoIdentityClaim_UserInfoCarriesThem_AboutTheSameSubject()
    {
        var hub = await new OidcHubClient(_host, "stub-idp-one").OpenLoginPageAsync();
        var answer = await hub.PressAsync(StubOutcome.SignInLevel2.Value, "sarah-thompson");
        var (_, body) = await hub.RedeemAsync(hub.TokenFields(answer["code"]));
        var token = new JsonWebToken(body.GetProperty("id_token").GetString()!);

        using var discovery = JsonDocument.Parse(await hub.Client.GetStringAsync(hub.Issuer + "/.well-known/openid-configuration"));
        using var request = new HttpRequestMessage(HttpMethod.Get, discovery.RootElement.GetProperty("userinfo_endpoint").GetString());
        request.Headers.Authorization = new("Bearer", body.GetProperty("access_token").GetString());
        using var response = await hub.Client.SendAsync(request);
        var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(IdentityClaims.Where(c => token.TryGetClaim(c, out _)), Is.Empty, "the ID token carries none");
            Assert.That(token.Subject, Is.EqualTo(PersistentIds.For(hub.Issuer, "sarah-thompson")));
            Assert.That(claims.GetProperty("sub").GetString(), Is.EqualTo(token.Subject));
            Assert.That(claims.GetProperty("given_name").GetString(), Is.EqualTo("Sarah"));
            Assert.That(claims.GetProperty("family_name").GetString(), Is.EqualTo("Thompson"));
            Assert.That(claims.GetProperty("birthdate").GetString(), Is.EqualTo("1985-03-12"));
        });
    }
}
