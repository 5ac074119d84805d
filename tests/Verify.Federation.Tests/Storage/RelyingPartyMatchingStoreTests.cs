using Verify.Federation.Parties;
using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Storage;

/// <summary>A relying party's matching settings round-trip on SQLite and PostgreSQL; RPs without them read as before.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class RelyingPartyMatchingStoreTests(FederationProvider provider) : StoreTestBase(provider)
{
    [Test]
    public async Task AddMatchingRelyingParty_ThenGet_GivesBackItsMatchingSettings()
    {
        var registration = RegisterRp(settings: MatchingRpSettings() with { AssertionMode = AssertionMode.EndToEnd });

        await Store.AddOrUpdateRelyingPartyAsync(registration);
        var rp = (await Store.LoadSnapshotAsync()).FindRelyingParty(RpId)!;

        var matching = rp.Matching!;
        Assert.Multiple(() =>
        {
            Assert.That(rp.AssertionMode, Is.EqualTo(AssertionMode.EndToEnd));
            Assert.That(matching.EntityId, Is.EqualTo(MatchingServiceId));
            Assert.That(matching.MatchUrl, Is.EqualTo(MatchUrl));
            Assert.That(matching.AccountCreationUrl, Is.EqualTo(AccountCreationUrl));
            Assert.That(matching.TrustKind, Is.EqualTo(TrustKind.Pkix));
            Assert.That(matching.Trust.Role, Is.EqualTo(PartyRole.MatchingService));
            Assert.That(matching.Trust.CertificatesFor(KeyUse.Signing).Single().Certificate.Thumbprint,
                Is.EqualTo(Verify.Testing.SampleCerts.Certificate("matching-service-signing").Thumbprint));
            Assert.That(matching.Cycle3Attribute, Is.EqualTo("NationalInsuranceNumber"));
            Assert.That(matching.AccountCreationAttributes, Is.EqualTo(new List<string> { "firstname", "surname", "cycle_3" }));
        });
    }

    [Test]
    public async Task RelyingPartyWithoutMatching_ReadsAsHubAssertedWithoutAMatchingService()
    {
        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp(settings: RpSettings() with { MatchingServiceEntityId = "https://ms.test/saml" }));

        var rp = (await Store.LoadSnapshotAsync()).FindRelyingParty(RpId)!;

        Assert.Multiple(() =>
        {
            Assert.That(rp.Matching, Is.Null);
            Assert.That(rp.AssertionMode, Is.EqualTo(AssertionMode.HubAsserted));
            Assert.That(rp.MatchingServiceEntityId, Is.EqualTo("https://ms.test/saml"));
        });
    }

    [Test]
    public async Task RegisteringTheSameMatchingSettingsAgain_ChangesNothing_AndChangingThemUpdates()
    {
        await Store.AddOrUpdateRelyingPartyAsync(RegisterRp(settings: MatchingRpSettings()));

        var again = await Store.AddOrUpdateRelyingPartyAsync(RegisterRp(settings: MatchingRpSettings()));
        var changed = await Store.AddOrUpdateRelyingPartyAsync(RegisterRp(settings: MatchingRpSettings() with { Cycle3Attribute = null }));
        var rp = (await Store.LoadSnapshotAsync()).FindRelyingParty(RpId)!;

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(StoreOutcome.Unchanged));
            Assert.That(changed, Is.EqualTo(StoreOutcome.Updated));
            Assert.That(rp.Matching!.Cycle3Attribute, Is.Null);
        });
    }
}
