using System.Security.Cryptography;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

using OpenIddict.Server;

using Verify.Hub.Oidc.Provider.Keys;
using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Testing;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>
/// The hub reads back its own tokens signed by its next (or just retired) key and its EC key, and only its own: a
/// client's JWKS that names the hub's key ID gains nothing.
/// </summary>
public sealed class HubTokenValidationKeysTests
{
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _next = TestSigningCertificates.Rsa("hub-signing-next");
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _ec = TestSigningCertificates.EcP256("hub-oidc-ec");

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _next.Dispose();
        _ec.Dispose();
    }

    [Test]
    public async Task ATokenOfTheHub_IsCheckedWithTheNextAndEcKeysToo()
    {
        var (handler, context, current) = Arrange();
        context.TokenValidationParameters = new TokenValidationParameters { IssuerSigningKeys = [current] };

        await handler.HandleAsync(context);

        Assert.That(context.TokenValidationParameters.IssuerSigningKeys.Select(k => k.KeyId), Is.EquivalentTo(new[] { current.KeyId, _next.Thumbprint, _ec.Thumbprint }));
    }

    [Test]
    public async Task AClientAssertion_KeepsTheClientsKeysOnly_EvenWhenOneNamesTheHubsKeyId()
    {
        var (handler, context, current) = Arrange();
        var impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = current.KeyId };
        context.TokenValidationParameters = new TokenValidationParameters { IssuerSigningKeys = [impostor] };

        await handler.HandleAsync(context);

        Assert.That(context.TokenValidationParameters.IssuerSigningKeys, Is.EqualTo(new[] { impostor }));
    }

    private (HubTokenValidationKeys Handler, OpenIddictServerEvents.ValidateTokenContext Context, SecurityKey Current) Arrange()
    {
        var hub = new HubOptions
        {
            EntityId = "https://hub.test",
            SigningCertificate = SampleCerts.CertificateWithKey("hub-signing"),
            NextSigningCertificate = _next,
            OidcEcSigningCertificate = _ec,
            EncryptionCertificates = [SampleCerts.CertificateWithKey("hub-encryption")],
            PairwiseSecret = RandomNumberGenerator.GetBytes(32),
            AuditKey = RandomNumberGenerator.GetBytes(32),
        };
        var options = new OpenIddictServerOptions();
        var current = new X509SecurityKey(hub.SigningCertificate);
        options.SigningCredentials.Add(new SigningCredentials(current, SecurityAlgorithms.RsaSha256));
        var transaction = new OpenIddictServerTransaction { Options = options, Logger = NullLogger.Instance };
        return (new HubTokenValidationKeys(new HubSigningKeys(hub)), new OpenIddictServerEvents.ValidateTokenContext(transaction), current);
    }
}
