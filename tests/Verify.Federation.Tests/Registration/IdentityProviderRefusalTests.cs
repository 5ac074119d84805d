using Verify.Federation.Registration;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Registration;

/// <summary>Identity provider registration, "break one thing" (STYLE.md): one change, one specific refusal.</summary>
public sealed class IdentityProviderRefusalTests
{
    private static readonly object[] Cases =
    [
        Case("an RP's metadata", Bytes(Rp()), "no md:IDPSSODescriptor"),
        Case("two entities", Bytes(new EntitiesDescriptor { Members = [Idp(), Idp("https://idp2.test/saml")] }), "exactly one md:EntityDescriptor"),
        Case("no HTTP-POST single sign-on", IdpRole(idp => idp with { SingleSignOnServices = [new Endpoint { Binding = SamlBindings.HttpRedirect, Location = "https://idp.test/sso" }] }), "no single sign-on service with the HTTP-POST binding"),
        Case("an http single sign-on", IdpRole(idp => idp with { SingleSignOnServices = [new Endpoint { Binding = SamlBindings.HttpPost, Location = "http://idp.test/sso" }] }), "'http://idp.test/sso' is not https"),
        Case("an http redirect single sign-on", IdpRole(idp => idp with { SingleSignOnServices = [.. idp.SingleSignOnServices, new Endpoint { Binding = SamlBindings.HttpRedirect, Location = "http://idp.test/r" }] }), "is not https"),
        Case("no signing certificate", IdpRole(idp => idp with { KeyDescriptors = [Key(KeyUse.Encryption, "stub-idp-encryption")] }), "no signing certificate"),
        Case("an RSA-1024 key", IdpRole(idp => idp with { KeyDescriptors = [Key(KeyUse.Signing, "weak-rsa1024-signing")] }), "too weak"),
        Case("no levels", Bytes(Idp()), "No level of assurance", IdpSettings() with { Levels = [] }),
        Case("LEVEL_X", Bytes(Idp()), "LEVEL_X given", IdpSettings("LEVEL_X")),
        Case("an unknown level", Bytes(Idp()), "'LEVEL_5' is not a level", IdpSettings("LEVEL_1", "LEVEL_5")),
        Case("an onboarding RP that is no entity ID", Bytes(Idp()), "onboarding RP 'rp' is not an entity ID", IdpSettings() with { OnboardingOnlyFor = ["rp"] }),
    ];

    [Test]
    public void TheUnbrokenCase_Registers()
    {
        var registration = IdentityProviderRegistration.FromMetadata(Bytes(Idp()), IdpSettings());

        Assert.That(registration.EntityId, Is.EqualTo(IdpId));
    }

    [TestCaseSource(nameof(Cases))]
    public void FromMetadata_Refuses(string name, byte[] metadata, IdentityProviderSettings settings, string expected)
    {
        var refusal = Assert.Throws<RegistrationRefusedException>(() => IdentityProviderRegistration.FromMetadata(metadata, settings));

        Assert.That(refusal!.Message, Does.Contain(expected), name);
    }

    private static object[] Case(string name, byte[] metadata, string expected, IdentityProviderSettings? settings = null) =>
        [name, metadata, settings ?? IdpSettings(), expected];

    private static byte[] IdpRole(Func<IdpSsoDescriptor, IdpSsoDescriptor> change)
    {
        var idp = Idp();
        return Bytes(idp with { Roles = [change(idp.IdpSsoDescriptor!)] });
    }
}
