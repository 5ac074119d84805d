using System.Text;

using Verify.Federation.Registration;
using Verify.Federation.Tests.Support;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Registration;

/// <summary>
/// Relying party registration, "break one thing" (STYLE.md): each case starts from metadata and settings that
/// register, changes one thing, and expects a refusal whose message names the problem.
/// </summary>
public sealed class RelyingPartyRefusalTests
{
    private static readonly object[] Cases =
    [
        Case("two entities", Bytes(new EntitiesDescriptor { Members = [Rp(), Rp(OtherRpId)] }), "exactly one md:EntityDescriptor"),
        Case("an IDP's metadata", Bytes(Idp()), "no md:SPSSODescriptor"),
        Case("not XML", Encoding.UTF8.GetBytes("hello"), "not valid SAML 2.0 metadata"),
        Case("a DOCTYPE", Encoding.UTF8.GetBytes("<!DOCTYPE x [<!ENTITY e 'x'>]><x/>"), "not valid SAML 2.0 metadata"),
        Case("no HTTP-POST ACS", Sp(sp => sp with { AssertionConsumerServices = [Acs(0, "https://rp.test/a") with { Binding = SamlBindings.HttpArtifact }] }), "HTTP-POST"),
        Case("an http ACS", Sp(sp => sp with { AssertionConsumerServices = [Acs(0, "http://rp.test/acs")] }), "'http://rp.test/acs' is not https"),
        Case("an http loopback ACS, not allowed", Sp(sp => sp with { AssertionConsumerServices = [Acs(0, "http://localhost:5001/acs")] }), "is not https"),
        Case("an http logout endpoint", Sp(sp => sp with { SingleLogoutServices = [new Endpoint { Binding = SamlBindings.HttpRedirect, Location = "http://rp.test/logout" }] }), "is not https"),
        Case("no encryption certificate", Sp(sp => sp with { KeyDescriptors = [Key(KeyUse.Signing, "test-rp-signing")] }), "no encryption certificate"),
        Case("no signing certificate", Sp(sp => sp with { KeyDescriptors = [Key(KeyUse.Encryption, "test-rp-encryption")] }), "no signing certificate"),
        Case("an RSA-1024 key", Sp(sp => sp with { KeyDescriptors = [.. sp.KeyDescriptors, Key(KeyUse.Signing, "weak-rsa1024-signing")] }), "1024-bit key, which is too weak"),
        Case("no levels", Bytes(Rp()), "No level of assurance", RpSettings() with { Levels = [] }),
        Case("LEVEL_X", Bytes(Rp()), "LEVEL_X given", RpSettings("LEVEL_2", "LEVEL_X")),
        Case("a lower-case level", Bytes(Rp()), "'level_2' is not a level of assurance", RpSettings("level_2")),
        Case("an http homepage", Bytes(Rp()), "service homepage 'http://rp.test/' is not https", RpSettings() with { ServiceHomepage = "http://rp.test/" }),
        Case("a relative homepage", Bytes(Rp()), "not an absolute URL", RpSettings() with { ServiceHomepage = "/start" }),
        Case("a matching service that is no entity ID", Bytes(Rp()), "not an entity ID", RpSettings() with { MatchingServiceEntityId = "ms" }),
        Case("a long display name", Bytes(Rp()), "longer than 200", RpSettings() with { DisplayName = new(new string('x', 201)) }),
        Case("an unknown trust kind", Bytes(Rp()), "not one the federation knows", RpSettings() with { Trust = (Verify.Saml.Trust.TrustKind)7 }),
    ];

    [Test]
    public void TheUnbrokenCase_Registers()
    {
        var registration = RelyingPartyRegistration.FromMetadata(Bytes(Rp()), RpSettings());

        Assert.That(registration.EntityId, Is.EqualTo(RpId));
    }

    [TestCaseSource(nameof(Cases))]
    public void FromMetadata_Refuses(string name, byte[] metadata, RelyingPartySettings settings, string expected)
    {
        var refusal = Assert.Throws<RegistrationRefusedException>(() => RelyingPartyRegistration.FromMetadata(metadata, settings));

        Assert.That(refusal!.Message, Does.Contain(expected), name);
    }

    [Test]
    public void FromMetadata_AcceptsLoopbackHttp_OnlyWhenAllowed()
    {
        var metadata = Sp(sp => sp with { AssertionConsumerServices = [Acs(0, "http://localhost:5001/acs"), Acs(1, "http://127.0.0.1:5001/acs")] });

        var registration = RelyingPartyRegistration.FromMetadata(metadata, RpSettings(), allowLoopbackHttp: true);

        Assert.That(registration.AssertionConsumerServices.Select(a => a.Url), Is.EqualTo(new List<string> { "http://localhost:5001/acs", "http://127.0.0.1:5001/acs" }));
    }

    [Test]
    public void FromMetadata_RefusesHttpToAnotherHost_EvenWhenLoopbackIsAllowed()
    {
        var metadata = Sp(sp => sp with { AssertionConsumerServices = [Acs(0, "http://rp.test/acs")] });

        var refusal = Assert.Throws<RegistrationRefusedException>(() => RelyingPartyRegistration.FromMetadata(metadata, RpSettings(), allowLoopbackHttp: true));

        Assert.That(refusal!.Message, Does.Contain("only for a loopback host"));
    }

    private static object[] Case(string name, byte[] metadata, string expected, RelyingPartySettings? settings = null) =>
        [name, metadata, settings ?? RpSettings(), expected];

    private static byte[] Sp(Func<SpSsoDescriptor, SpSsoDescriptor> change)
    {
        var rp = Rp();
        return Bytes(rp with { Roles = [change(rp.SpSsoDescriptor!)] });
    }
}
