using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Saml.Saml;
using Verify.Saml.Trust;
using Verify.TestRp;

namespace Verify.Cli.StartDev;

/// <summary>
/// The test RP's two matching registrations in the development federation (ADR 0020), beside its non-matching one from
/// <c>config/</c>: each its own entity ID, the same keys and ACS, and <see cref="DevMatchingService"/> as its matching
/// service. The citizen chooses one on the test RP's start page (<c>?service=matching</c>, <c>?service=end-to-end</c>).
/// </summary>
internal static class DevMatchingRegistrations
{
    /// <summary>Hub-asserted: cycle 3 asks for a National Insurance number; the department creates accounts.</summary>
    public const string MatchingKey = "matching";

    /// <summary>End-to-end trust: the RP receives its matching service's own signed assertion; no account creation.</summary>
    public const string EndToEndKey = "end-to-end";

    /// <summary>The cycle 3 attribute of both (Verify's name).</summary>
    public const string Cycle3Attribute = "NationalInsuranceNumber";

    /// <summary>What the hub-asserted registration asks the matching service to return for a created account.</summary>
    public static IReadOnlyList<string> AccountCreationAttributes { get; } =
    [
        AccountCreationAttributeNames.FirstName, AccountCreationAttributeNames.FirstNameVerified,
        AccountCreationAttributeNames.Surname, AccountCreationAttributeNames.SurnameVerified,
        AccountCreationAttributeNames.DateOfBirth, AccountCreationAttributeNames.DateOfBirthVerified,
        AccountCreationAttributeNames.CurrentAddress, AccountCreationAttributeNames.CurrentAddressVerified,
        AccountCreationAttributeNames.Cycle3,
    ];

    /// <summary>The registrations as the test RP knows them (entity IDs under its own, <c>https://rp.test</c>).</summary>
    public static IReadOnlyList<TestRpService> Services(DevKeys keys) =>
    [
        new()
        {
            Key = MatchingKey,
            EntityId = TestRpOptions.DefaultEntityId + "/matching",
            DisplayName = "Test service with matching",
            RequestedLevels = [AuthnContexts.Level2],
        },
        new()
        {
            Key = EndToEndKey,
            EntityId = TestRpOptions.DefaultEntityId + "/matching-end-to-end",
            DisplayName = "Test service with matching, end-to-end",
            RequestedLevels = [AuthnContexts.Level2],
            MatchingServiceEntityId = DevMatchingService.EntityId,
            MatchingServiceSigningCertificates = [keys.Public("matching-service-signing")],
        },
    ];

    /// <summary>How the federation registers <paramref name="service"/> with its matching service.</summary>
    public static RelyingPartySettings Settings(TestRpService service, byte[] matchingServiceMetadata, string accountCreationUrl, Uri rpBaseUrl)
    {
        var endToEnd = service.EndToEnd;
        return new RelyingPartySettings
        {
            // The matching service accepts LEVEL_2 (its default minimum), so the registration asks for nothing less.
            Levels = ["LEVEL_2"],
            Trust = TrustKind.Pinned,
            DisplayName = new BilingualText(service.DisplayName, endToEnd ? "Gwasanaeth prawf gyda pharu, o un pen i'r llall" : "Gwasanaeth prawf gyda pharu"),
            ServiceHomepage = new Uri(rpBaseUrl, "?service=" + service.Key).AbsoluteUri,
            OtherWaysToAccess = new BilingualText(
                "You can also use this service by post: write to Test Service, PO Box 1234, Testville TE1 1ST.",
                "Gallwch hefyd ddefnyddio'r gwasanaeth hwn drwy'r post: ysgrifennwch at Wasanaeth Prawf, Blwch Post 1234, Testville TE1 1ST."),
            MatchingServiceEntityId = DevMatchingService.EntityId,
            MatchingService = new MatchingServiceSettings
            {
                Metadata = matchingServiceMetadata,
                AccountCreationUrl = accountCreationUrl,

                // ARCHITECTURE.md: pkix for matching services, through the federation's rp-ca.
                Trust = TrustKind.Pkix,
            },
            Cycle3Attribute = Cycle3Attribute,
            AccountCreationAttributes = endToEnd ? [] : AccountCreationAttributes,
            AssertionMode = endToEnd ? AssertionMode.EndToEnd : AssertionMode.HubAsserted,
        };
    }
}
