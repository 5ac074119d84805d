using System.Net;
using System.Text.Json;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Metadata;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>
/// "The hub's signing keys rotate with both published in JWKS during the overlap" (issue 7): the next key is in the
/// JWKS before it signs, so once it is promoted a relying party verifies its tokens with the JWKS it already holds.
/// </summary>
public sealed class SigningKeyRotationTests
{
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _next = TestSigningCertificates.Rsa("hub-signing-next");

    [OneTimeTearDown]
    public void DisposeKey() => _next.Dispose();

    [Test]
    public async Task BeforePromotion_BothKeysArePublished_AndTheCurrentOneSigns()
    {
        await using var hub = await HubHarness.StartAsync(signing: new HubSigningOptions { Next = _next });
        var jwks = await JwksAsync(hub);

        var idToken = await IdTokenAsync(hub);

        Assert.Multiple(async () =>
        {
            Assert.That(jwks.Keys.Select(k => k.KeyId), Is.EquivalentTo(new[] { Current.Thumbprint, _next.Thumbprint }));
            Assert.That(new JsonWebToken(idToken).Kid, Is.EqualTo(Current.Thumbprint), "the next key does not sign before promotion");
            Assert.That((await ValidateAsync(hub, idToken, jwks)).IsValid, Is.True);
        });
    }

    [Test]
    public async Task AfterPromotion_TokensSignedByTheNewKey_VerifyAgainstTheJwksPublishedBefore()
    {
        JsonWebKeySet published;
        await using (var before = await HubHarness.StartAsync(signing: new HubSigningOptions { Next = _next }))
        {
            published = await JwksAsync(before);
        }

        // Promotion: the next key becomes the signing key; the outgoing one stays published for the overlap.
        await using var after = await HubHarness.StartAsync(signing: new HubSigningOptions { Current = _next, Next = Current });
        var idToken = await IdTokenAsync(after);
        var validated = await ValidateAsync(after, idToken, published);

        Assert.Multiple(async () =>
        {
            Assert.That(new JsonWebToken(idToken).Kid, Is.EqualTo(_next.Thumbprint));
            Assert.That(validated.IsValid, Is.True, validated.Exception?.Message);
            Assert.That((await JwksAsync(after)).Keys.Select(k => k.KeyId), Is.EquivalentTo(new[] { Current.Thumbprint, _next.Thumbprint }));
        });
    }

    [Test]
    public async Task TheHubsSamlMetadata_PublishesTheNextKey_AsASecondSigningKey_SignedByTheCurrentOne()
    {
        await using var hub = await HubHarness.StartAsync(signing: new HubSigningOptions { Next = _next });
        var xml = await hub.Client.GetByteArrayAsync(HubPaths.HubMetadata);

        var verified = MetadataVerifier.Pinned([Current], hub.Time).Verify(xml);
        var entity = verified.Metadata.FindEntity(HubHarness.HubEntityId)!;
        Assert.Multiple(() =>
        {
            Assert.That(entity.IdpSsoDescriptor!.CertificatesFor(KeyUse.Signing).Select(c => c.Thumbprint), Is.EqualTo(new[] { Current.Thumbprint, _next.Thumbprint }));
            Assert.That(entity.SpSsoDescriptor!.CertificatesFor(KeyUse.Signing).Select(c => c.Thumbprint), Is.EqualTo(new[] { Current.Thumbprint, _next.Thumbprint }));
            Assert.That(entity.SpSsoDescriptor.CertificatesFor(KeyUse.Encryption), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void AHubWhoseNextKeyIsTheCurrentOne_DoesNotStart()
    {
        var refused = Assert.ThrowsAsync<InvalidOperationException>(() => HubHarness.StartAsync(signing: new HubSigningOptions { Next = Current }));
        Assert.That(refused!.Message, Does.Contain("next signing certificate"));
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 Current => SampleCerts.CertificateWithKey("hub-signing");

    private static async Task<JsonWebKeySet> JwksAsync(HubHarness hub) => new(await hub.Client.GetStringAsync("/connect/jwks"));

    private static async Task<string> IdTokenAsync(HubHarness hub)
    {
        var client = new OidcTestClient(hub);
        client.Register();
        var callback = await OidcJourney.SignInAsync(client);
        var response = await client.RedeemAsync(callback["code"]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var tokens = JsonDocument.Parse(body);
        return tokens.RootElement.GetProperty("id_token").GetString()!;
    }

    // As a relying party does: the key of the token's kid, from the JWKS it holds.
    private static Task<TokenValidationResult> ValidateAsync(HubHarness hub, string idToken, JsonWebKeySet jwks) =>
        new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = hub.BaseUrl.AbsoluteUri,
            ValidAudience = TestDirectory.Rp,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (_, _, _, _) => true,
        });
}
