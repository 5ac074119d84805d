using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using Verify.Testing;
using Verify.TestRp.Oidc;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests.Oidc;

/// <summary>Several OIDC registrations validate as one list: each key and each client ID once, none a SAML entity ID.</summary>
public sealed class OidcClientsOptionsTests
{
    private static readonly FakeTimeProvider Clock = new();

    [Test]
    public void TwoRegistrations_WithTheirOwnKeysAndClientIds_AreValid() =>
        Assert.That(With(Client("oidc", "https://rp.test/oidc"), Client("oidc-matching", "https://rp.test/oidc-matching")).Validate, Throws.Nothing);

    [TestCase("oidc", "https://rp.test/oidc-matching", "key 'oidc' is used twice", TestName = "Validate_Refuses_TwoRegistrationsWithOneKey")]
    [TestCase("oidc-matching", "https://rp.test/oidc", "client ID 'https://rp.test/oidc' is used twice", TestName = "Validate_Refuses_TwoRegistrationsWithOneClientId")]
    [TestCase("oidc-matching", "https://rp.test", "unlike the SAML entity IDs", TestName = "Validate_Refuses_AClientIdThatIsTheSamlEntityId")]
    public void Validate_RefusesRegistrationsThatClash(string key, string clientId, string failure)
    {
        var options = With(Client("oidc", "https://rp.test/oidc"), Client(key, clientId));

        var refused = Assert.Throws<OptionsValidationException>(options.Validate);

        Assert.That(refused!.Failures, Has.Some.Contains(failure));
    }

    [Test]
    public void Validate_RefusesANullRegistration() =>
        Assert.That(With(Client("oidc", "https://rp.test/oidc"), null!).Validate, Throws.TypeOf<OptionsValidationException>());

    private static TestRpOidcOptions Client(string key, string clientId) => new()
    {
        Key = key,
        ClientId = clientId,
        Issuer = FakeHub.Issuer,
        ClientAssertionCertificate = SampleCerts.CertificateWithKey("test-rp-signing"),
    };

    private static TestRpOptions With(params TestRpOidcOptions[] clients)
    {
        var sample = TestRpServer.SampleOptions(Clock);
        return new TestRpOptions
        {
            HubEntityId = sample.HubEntityId,
            HubSsoUrl = sample.HubSsoUrl,
            HubSigningCertificates = sample.HubSigningCertificates,
            SigningCredential = sample.SigningCredential,
            DecryptionKeys = sample.DecryptionKeys,
            TimeProvider = Clock,
            OidcClients = clients,
        };
    }
}
