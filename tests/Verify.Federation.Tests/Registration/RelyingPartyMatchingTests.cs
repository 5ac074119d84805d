using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Registration;

/// <summary>
/// A relying party registered with its matching service (ADR 0018): the service's entity ID, SOAP endpoint and keys
/// come from its metadata; the cycle 3 and account-creation attributes are Verify's; nothing that needs a matching
/// service is accepted without one.
/// </summary>
public sealed class RelyingPartyMatchingTests
{
    [Test]
    public void FromMetadata_WithAMatchingService_TakesItsEntityIdEndpointAndKeys()
    {
        var registration = RegisterRp(settings: MatchingRpSettings() with { AssertionMode = AssertionMode.EndToEnd });

        var service = registration.MatchingService!;
        Assert.Multiple(() =>
        {
            Assert.That(registration.MatchingServiceEntityId, Is.EqualTo(MatchingServiceId));
            Assert.That(service.EntityId, Is.EqualTo(MatchingServiceId));
            Assert.That(service.MatchUrl, Is.EqualTo(MatchUrl));
            Assert.That(service.AccountCreationUrl, Is.EqualTo(AccountCreationUrl));
            Assert.That(service.Trust, Is.EqualTo(TrustKind.Pkix), "ARCHITECTURE.md: pkix by default for matching services");
            Assert.That(service.Certificates.Select(c => c.Use), Is.EquivalentTo(new List<KeyUse> { KeyUse.Signing, KeyUse.Encryption }));
            Assert.That(registration.Cycle3Attribute, Is.EqualTo("NationalInsuranceNumber"));
            Assert.That(registration.AccountCreationAttributes, Is.EqualTo(new List<string> { "firstname", "surname", "cycle_3" }));
            Assert.That(registration.AssertionMode, Is.EqualTo(AssertionMode.EndToEnd));
        });
    }

    [Test]
    public void FromMetadata_WithOnlyAMatchingServiceEntityId_IsStillAccepted_AndDoesNotMatch()
    {
        var registration = RegisterRp(settings: RpSettings() with { MatchingServiceEntityId = "https://ms.test/saml" });

        Assert.Multiple(() =>
        {
            Assert.That(registration.MatchingServiceEntityId, Is.EqualTo("https://ms.test/saml"));
            Assert.That(registration.MatchingService, Is.Null);
            Assert.That(registration.AssertionMode, Is.EqualTo(AssertionMode.HubAsserted));
        });
    }

    [Test]
    public void ContentHash_OfAnRpWithoutMatchingSettings_IsWhatItWasBeforeThem()
    {
        // Re-importing an unchanged registration must write nothing, including registrations made before matching.
        var plain = RegisterRp();
        var withMatching = RegisterRp(settings: MatchingRpSettings());

        Assert.That(plain.ContentHash, Is.EqualTo(Verify.Federation.Registration.ContentHash.Of(plain.MetadataXml.Span, [
            "LEVEL_2", ((int)TrustKind.Pinned).ToString(System.Globalization.CultureInfo.InvariantCulture), "Test Service", "Gwasanaeth Prawf", null, null, null, null,
        ])));
        Assert.That(withMatching.ContentHash, Is.Not.EqualTo(plain.ContentHash));
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        var ms = MatchingService();
        var role = (AttributeAuthorityDescriptor)ms.Roles[0];
        yield return Case("cycle 3 without a matching service", RpSettings() with { Cycle3Attribute = "NationalInsuranceNumber" }, "no matching service");
        yield return Case("account creation without a matching service", RpSettings() with { AccountCreationAttributes = ["firstname"] }, "no matching service");
        yield return Case("end-to-end without a matching service", RpSettings() with { AssertionMode = AssertionMode.EndToEnd }, "end-to-end mode");
        yield return Case("unknown cycle 3 attribute", MatchingRpSettings() with { Cycle3Attribute = "FavouriteColour" }, "not a cycle 3 attribute");
        yield return Case("unknown account-creation attribute", MatchingRpSettings() with { AccountCreationAttributes = ["shoesize"] }, "not an account-creation attribute");
        yield return Case(
            "account creation without its URL",
            MatchingRpSettings() with { MatchingService = new MatchingServiceSettings { Metadata = Bytes(ms) } },
            "no account-creation URL");
        yield return Case(
            "http account-creation URL",
            MatchingRpSettings() with { MatchingService = new MatchingServiceSettings { Metadata = Bytes(ms), AccountCreationUrl = "http://ms.test/create" } },
            "is not https");
        yield return Case(
            "entity ID not the metadata's",
            MatchingRpSettings() with { MatchingServiceEntityId = "https://other-ms.test/saml" },
            "is not the one its metadata names");
        yield return Case(
            "no SOAP attribute service",
            MatchingRpSettings() with
            {
                MatchingService = new MatchingServiceSettings
                {
                    Metadata = Bytes(ms with { Roles = [role with { AttributeServices = [role.AttributeServices[0] with { Binding = "urn:oasis:names:tc:SAML:2.0:bindings:URI" }] }] }),
                    AccountCreationUrl = AccountCreationUrl,
                },
            },
            "no md:AttributeService with the SOAP binding");
        yield return Case(
            "no encryption certificate",
            MatchingRpSettings() with
            {
                MatchingService = new MatchingServiceSettings
                {
                    Metadata = Bytes(ms with { Roles = [role with { KeyDescriptors = [Key(KeyUse.Signing, "matching-service-signing")] }] }),
                    AccountCreationUrl = AccountCreationUrl,
                },
            },
            "no encryption certificate");
        yield return Case(
            "an RP's metadata as the matching service's",
            MatchingRpSettings() with { MatchingService = new MatchingServiceSettings { Metadata = Bytes(Rp("https://ms.test/saml")) } },
            "no md:AttributeAuthorityDescriptor");

        static TestCaseData Case(string name, RelyingPartySettings settings, string message) =>
            new TestCaseData(settings, message).SetName("Refused_" + name.Replace(' ', '_'));
    }

    [TestCaseSource(nameof(Refusals))]
    public void FromMetadata_RefusesMatchingSettingsThatBreakARule(RelyingPartySettings settings, string message)
    {
        var refused = Assert.Throws<RegistrationRefusedException>(() => RegisterRp(settings: settings));

        Assert.That(refused!.Message, Does.Contain(message));
    }
}
