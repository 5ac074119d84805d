using System.Security.Cryptography;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using OpenIddict.Client;

using Verify.Federation;
using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Hub.Oidc.Client;
using Verify.Testing;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Tests.Oidc.Client;

/// <summary>OpenIddict registrations for OIDC IDPs are built from the federation snapshot, per revision (ADR 0022).</summary>
public sealed class IdpClientRegistrationsTests
{
    private const string Issuer = "https://oidc-idp.test/oidc";

    [Test]
    public void Find_BuildsCodeFlowRegistrationWithPkceAndPrivateKeyJwt()
    {
        var registrations = Registrations();

        var registration = registrations.Find(Snapshot(), Issuer);

        Assert.That(registration, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(registration!.RegistrationId, Is.EqualTo(Issuer));
            Assert.That(registration.Issuer, Is.EqualTo(new Uri(Issuer)));
            Assert.That(registration.ClientId, Is.EqualTo("https://hub.test/oidc"));
            Assert.That(registration.GrantTypes, Is.EquivalentTo(new[] { GrantTypes.AuthorizationCode }));
            Assert.That(registration.ResponseTypes, Is.EquivalentTo(new[] { ResponseTypes.Code }));
            Assert.That(registration.CodeChallengeMethods, Is.EquivalentTo(new[] { CodeChallengeMethods.Sha256 }));
            Assert.That(registration.ClientAuthenticationMethods, Is.EquivalentTo(new[] { ClientAuthenticationMethods.PrivateKeyJwt }));
            Assert.That(registration.Scopes, Is.EquivalentTo(new[] { Scopes.OpenId }));
            Assert.That(registration.ConfigurationEndpoint, Is.EqualTo(new Uri(Issuer + "/.well-known/openid-configuration")));
            Assert.That(registration.ConfigurationManager, Is.Not.Null);
            Assert.That(registration.SigningCredentials.Single().Algorithm, Is.EqualTo("RS256"));
        });
    }

    [Test]
    public void Find_CachesPerSnapshot_AndRebuildsForANewRevision()
    {
        var registrations = Registrations();
        var snapshot = Snapshot();

        var first = registrations.Find(snapshot, Issuer);

        Assert.That(registrations.Find(snapshot, Issuer), Is.SameAs(first));
        Assert.That(registrations.Find(Snapshot(), Issuer), Is.Not.SameAs(first));
    }

    [Test]
    public void Find_RefusesUnknownAndDisabledIssuers()
    {
        var registrations = Registrations();

        Assert.That(registrations.Find(Snapshot(), "https://other.test/oidc"), Is.Null);
        Assert.That(registrations.Find(Snapshot(enabled: false), Issuer), Is.Null);
    }

    private static IdpClientRegistrations Registrations()
    {
        var options = new HubOptions
        {
            EntityId = "https://hub.test",
            SigningCertificate = SampleCerts.CertificateWithKey("hub-signing"),
            EncryptionCertificates = [SampleCerts.CertificateWithKey("hub-encryption")],
            PairwiseSecret = RandomNumberGenerator.GetBytes(32),
            AuditKey = RandomNumberGenerator.GetBytes(32),
        };
        var services = new ServiceCollection().BuildServiceProvider();
        return new IdpClientRegistrations(options, new OpenIddictClientService(services));
    }

    private static FederationSnapshot Snapshot(bool enabled = true) => FederationSnapshot.FromRegistrations(
        [], [], new FakeTimeProvider(),
        [OidcIdentityProviderRegistration.Create(new OidcIdentityProviderSettings
        {
            Issuer = Issuer,
            ClientId = "https://hub.test/oidc",
            Levels = ["LEVEL_1", "LEVEL_2"],
            DisplayName = new BilingualText("OIDC IDP", "IDP OIDC"),
            Enabled = enabled,
        })]);
}
