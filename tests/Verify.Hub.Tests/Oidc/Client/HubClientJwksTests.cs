using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Oidc.Client;
using Verify.Hub.Tests.Support;
using Verify.Testing;

namespace Verify.Hub.Tests.Oidc.Client;

/// <summary>The hub publishes its client assertion key for OIDC IDPs: its signing key, public parts only.</summary>
public sealed class HubClientJwksTests
{
    private HubHarness _hub = null!;

    [OneTimeSetUp]
    public async Task StartHub() => _hub = await HubHarness.StartAsync();

    [OneTimeTearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task Jwks_IsTheHubsSigningKey_WithoutPrivateParts()
    {
        using var response = await _hub.Client.GetAsync(HubOidcClient.JwksPath);
        var body = await response.Content.ReadAsStringAsync();
        var jwks = new JsonWebKeySet(body);
        var key = jwks.Keys.Single();
        using var rsa = SampleCerts.Certificate("hub-signing").GetRSAPublicKey()!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/jwk-set+json"));
            Assert.That(key.HasPrivateKey, Is.False);
            Assert.That(body, Does.Not.Contain("\"d\""));
            Assert.That(key.Use, Is.EqualTo("sig"));
            Assert.That(key.N, Is.EqualTo(Base64UrlEncoder.Encode(rsa.ExportParameters(false).Modulus)));
            Assert.That(key.Kid, Is.EqualTo(Base64UrlEncoder.Encode(SampleCerts.Certificate("hub-signing").GetCertHash(HashAlgorithmName.SHA256))));
        });
    }
}
