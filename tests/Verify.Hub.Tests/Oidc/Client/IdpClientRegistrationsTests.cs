using System.Security.Cryptography;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using OpenIddict.Client;

using Verify.Federation;
using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Hub.Directory;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Oidc.Client;
using Verify.Hub.Tests.Support;
using Verify.Saml.Trust;
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

        var registration = registrations.Find(Directory(), Issuer, Service);

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
            Assert.That(registration.RedirectUri, Is.EqualTo(new Uri("https://hub.test/oidc/client/callback")));
            Assert.That(registration.ConfigurationEndpoint, Is.EqualTo(new Uri(Issuer + "/.well-known/openid-configuration")));
            Assert.That(registration.ConfigurationManager, Is.Not.Null);
            Assert.That(registration.SigningCredentials.Single().Algorithm, Is.EqualTo("RS256"));
        });
    }

    [Test]
    public void Find_CachesPerSnapshot_AndRebuildsForANewRevision()
    {
        var registrations = Registrations();
        var directory = Directory();

        var first = registrations.Find(directory, Issuer, Service);

        Assert.That(registrations.Find(directory, Issuer, Service), Is.SameAs(first));
        Assert.That(registrations.Find(Directory(), Issuer, Service), Is.Not.SameAs(first), "a new federation revision builds new registrations");
    }

    [Test]
    public void Find_RefusesUnknownIssuersAndSamlIdps()
    {
        var registrations = Registrations();

        Assert.That(registrations.Find(Directory(), "https://other.test/oidc", Service), Is.Null);
        Assert.That(registrations.Find(Directory(), TestDirectory.IdpOne, Service), Is.Null);
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
        return new IdpClientRegistrations(options, new Uri("https://hub.test/oidc/client/callback"));
    }

    private static OpenIddictClientService Service { get; } = new(new ServiceCollection().BuildServiceProvider());

    private static TestDirectory Directory()
    {
        var directory = new TestDirectory();
        directory.AddIdentityProvider(new HubIdentityProvider
        {
            EntityId = Issuer,
            DisplayName = "OIDC IDP",
            CertifiedLevels = LevelOfAssuranceSet.Of(LevelOfAssurance.Level1, LevelOfAssurance.Level2),
            Trust = new PartyTrust { PartyId = Issuer, Role = PartyRole.IdentityProvider, Kind = TrustKind.Pinned, Certificates = [] },
            Oidc = new HubOidcIdentityProvider { Issuer = Issuer, ClientId = "https://hub.test/oidc" },
        });
        return directory;
    }
}
