using Verify.Federation.Import;
using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;
using Verify.Saml.Metadata;
using Verify.Saml.Trust;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Oidc;

/// <summary>
/// An OpenID Connect RP registered with its matching service (ADR 0026): the same checks as a SAML RP's matching
/// settings, stored and read back on SQLite and PostgreSQL, imported from <c>federation.json</c>; an OIDC RP without them
/// keeps the content hash it had before they existed.
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OidcRelyingPartyMatchingTests(FederationProvider provider) : StoreTestBase(provider)
{
    private static readonly string[] FirstnameAndSurname = ["firstname", "surname"];

    [Test]
    public async Task AddOidcRpWithMatching_ThenLoad_GivesBackItsMatchingService_AndReRegisteringChangesNothing()
    {
        await Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register(MatchingSettings()));
        var again = await Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register(MatchingSettings()));
        var rp = (await Store.LoadSnapshotAsync()).FindOidcRelyingParty(OidcTestClients.ClientId)!;

        var matching = rp.Matching!;
        Assert.Multiple(() =>
        {
            Assert.That(matching.EntityId, Is.EqualTo(MatchingServiceId));
            Assert.That(matching.MatchUrl, Is.EqualTo(MatchUrl));
            Assert.That(matching.AccountCreationUrl, Is.EqualTo(AccountCreationUrl));
            Assert.That(matching.TrustKind, Is.EqualTo(TrustKind.Pkix), "pkix by default for matching services");
            Assert.That(matching.Trust.CertificatesFor(KeyUse.Encryption).Single().Certificate.Thumbprint,
                Is.EqualTo(Verify.Testing.SampleCerts.Certificate("matching-service-encryption").Thumbprint));
            Assert.That(matching.Cycle3Attribute, Is.EqualTo("NationalInsuranceNumber"));
            Assert.That(matching.AccountCreationAttributes, Is.EqualTo(FirstnameAndSurname));
            Assert.That(again, Is.EqualTo(StoreOutcome.Unchanged));
        });
    }

    [Test]
    public async Task RemovingTheMatchingService_UpdatesTheRegistration()
    {
        await Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register(MatchingSettings()));

        var changed = await Store.AddOrUpdateOidcRelyingPartyAsync(OidcTestClients.Register());
        var rp = (await Store.LoadSnapshotAsync()).FindOidcRelyingParty(OidcTestClients.ClientId)!;

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.EqualTo(StoreOutcome.Updated));
            Assert.That(rp.Matching, Is.Null);
        });
    }

    [Test]
    public void ContentHash_OfAnOidcRpWithoutMatching_IsUnchanged_AndMatchingChangesIt()
    {
        var plain = OidcTestClients.Register();
        var withMatching = OidcTestClients.Register(MatchingSettings());

        Assert.That(plain.ContentHash, Is.EqualTo(ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(plain.ClientId), [
            plain.DisplayName.English, plain.DisplayName.Welsh, plain.Levels.ToString(), string.Join('\n', plain.RedirectUris), "",
            plain.Jwks, null, string.Join('\n', plain.Scopes), string.Join('\n', plain.Claims), plain.Sector, null, null, null, null,
        ])), "the hash of a registration made before matching existed");
        Assert.That(withMatching.ContentHash, Is.Not.EqualTo(plain.ContentHash));
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        var plain = OidcTestClients.Settings();
        var ms = new MatchingServiceSettings { Metadata = Bytes(MatchingService()) };
        yield return new TestCaseData(plain with { Cycle3Attribute = "NationalInsuranceNumber" }, "no matching service").SetName("Cycle3WithoutAMatchingService");
        yield return new TestCaseData(plain with { AccountCreationAttributes = ["firstname"] }, "no matching service").SetName("AccountCreationWithoutAMatchingService");
        yield return new TestCaseData(plain with { MatchingService = ms, Cycle3Attribute = "FavouriteColour" }, "not a cycle 3 attribute").SetName("UnknownCycle3Attribute");
        yield return new TestCaseData(plain with { MatchingService = ms, AccountCreationAttributes = ["shoe_size"] }, "not an account-creation attribute").SetName("UnknownAccountCreationAttribute");
        yield return new TestCaseData(plain with { MatchingService = ms, AccountCreationAttributes = ["firstname"] }, "no account-creation URL").SetName("AccountCreationWithoutItsUrl");
        yield return new TestCaseData(plain with { MatchingService = ms with { AccountCreationUrl = "http://ms.test/create" } }, "https").SetName("PlainHttpAccountCreationUrl");
        yield return new TestCaseData(plain with { ClientId = MatchingServiceId, MatchingService = ms }, "party of its own").SetName("MatchingServiceWithTheClientsOwnId");
    }

    [TestCaseSource(nameof(Refusals))]
    public void Registration_Refuses(OidcRelyingPartySettings settings, string expected)
    {
        var refused = Assert.Throws<RegistrationRefusedException>(() => OidcTestClients.Register(settings));
        Assert.That(refused!.Message, Does.Contain(expected));
    }

    [Test]
    public async Task Import_AnOidcRpWithAMatchingService_RegistersIt()
    {
        using var folder = new ConfigFolder();
        folder.Metadata("ms.xml", MatchingService());
        Directory.CreateDirectory(Path.Combine(folder.Path, "keys"));
        File.WriteAllText(Path.Combine(folder.Path, "keys", "oidc-rp.json"), OidcTestClients.Jwks);
        folder.Federation($$"""
            {
              "oidcRelyingParties": [
                {
                  "clientId": "{{OidcTestClients.ClientId}}",
                  "displayName": { "en": "OIDC service" },
                  "levels": ["LEVEL_2"],
                  "redirectUris": ["{{OidcTestClients.RedirectUri}}"],
                  "jwks": "keys/oidc-rp.json",
                  "matchingService": { "metadata": "metadata/ms.xml", "accountCreationUrl": "{{AccountCreationUrl}}", "trust": "pinned" },
                  "cycle3Attribute": "NationalInsuranceNumber",
                  "accountCreationAttributes": ["firstname", "surname"]
                }
              ]
            }
            """);

        var result = await new FederationImporter(Store).ImportAsync(folder.Path);
        var again = await new FederationImporter(Store).ImportAsync(folder.Path);
        var rp = (await Store.LoadSnapshotAsync()).FindOidcRelyingParty(OidcTestClients.ClientId);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
            Assert.That(rp!.Matching!.EntityId, Is.EqualTo(MatchingServiceId));
            Assert.That(rp.Matching.TrustKind, Is.EqualTo(TrustKind.Pinned));
            Assert.That(rp.Matching.Cycle3Attribute, Is.EqualTo("NationalInsuranceNumber"));
            Assert.That(again.Changes.Select(c => c.Outcome), Is.All.EqualTo(StoreOutcome.Unchanged));
        });
    }

    private static OidcRelyingPartySettings MatchingSettings() => OidcTestClients.Settings() with
    {
        MatchingService = new MatchingServiceSettings { Metadata = Bytes(MatchingService()), AccountCreationUrl = AccountCreationUrl },
        Cycle3Attribute = "NationalInsuranceNumber",
        AccountCreationAttributes = ["firstname", "surname"],
    };
}
