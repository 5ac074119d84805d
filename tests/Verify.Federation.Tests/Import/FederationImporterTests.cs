using Verify.Federation.Import;
using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;
using Verify.Saml.Trust;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Import;

/// <summary><c>federation.json</c> import: all or nothing, every problem named, re-import idempotent.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class FederationImporterTests(FederationProvider provider) : StoreTestBase(provider)
{
    [Test]
    public async Task Import_RegistersEveryParty_WithItsSettings()
    {
        using var folder = ConfigFolder.Stock();

        var result = await new FederationImporter(Store).ImportAsync(folder.Path);
        var snapshot = await Store.LoadSnapshotAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
            Assert.That(result.Changes.Select(c => c.Outcome), Is.All.EqualTo(StoreOutcome.Added));
            Assert.That(snapshot.FindRelyingParty(RpId)!.DisplayName.Welsh, Is.EqualTo("RP Prawf"));
            Assert.That(snapshot.FindRelyingParty(RpId)!.OtherWaysToAccess!.English, Is.EqualTo("Phone 0300 000 0000"));
            Assert.That(snapshot.FindIdentityProvider(IdpId)!.TrustKind, Is.EqualTo(TrustKind.Pinned));
            Assert.That(snapshot.FindIdentityProvider("https://idp2.test/saml")!.TrustKind, Is.EqualTo(TrustKind.Pkix));
            Assert.That(snapshot.FindIdentityProvider("https://idp2.test/saml")!.ProvideRegistrationUntil, Is.EqualTo(new DateTimeOffset(2027, 3, 31, 23, 0, 0, TimeSpan.Zero)));
            Assert.That(snapshot.IdentityProviders.Select(i => i.DisplayName.English), Is.EqualTo(new List<string> { "Stub IDP", "Second IDP" }));
        });
    }

    [Test]
    public async Task Import_AFolderGivenWithATrailingSeparator_FindsItsMetadata()
    {
        using var folder = ConfigFolder.Stock();

        var result = await new FederationImporter(Store).ImportAsync(folder.Path + Path.DirectorySeparatorChar);

        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
    }

    [Test]
    public async Task ImportingAgain_ChangesNothing()
    {
        using var folder = ConfigFolder.Stock();
        var importer = new FederationImporter(Store);
        await importer.ImportAsync(folder.Path);
        var revision = await Store.GetRevisionAsync();

        var again = await importer.ImportAsync(folder.Path);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(again.Changes.Select(c => c.Outcome), Is.All.EqualTo(StoreOutcome.Unchanged));
            Assert.That(await Store.GetRevisionAsync(), Is.EqualTo(revision));
        });
    }

    [Test]
    public async Task OneBadEntry_WritesNothing_AndEveryProblemNamesItsFileAndEntry()
    {
        using var folder = ConfigFolder.Stock();
        folder.Metadata("weak.xml", Idp("https://weak.test/saml") with { Roles = [Idp().IdpSsoDescriptor! with { KeyDescriptors = [Key(Saml.Metadata.KeyUse.Signing, "weak-rsa1024-signing")] }] });
        folder.Federation(ConfigFolder.StockJson
            .Replace("\"LEVEL_1\", \"LEVEL_2\"", "\"LEVEL_1\", \"LEVEL_X\"", StringComparison.Ordinal)
            .Replace("metadata/second-idp.xml", "metadata/weak.xml", StringComparison.Ordinal));

        var result = await new FederationImporter(Store).ImportAsync(folder.Path);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Errors, Has.Count.EqualTo(2));
            Assert.That(result.Errors[0], Does.StartWith("federation.json identityProviders[0] (metadata/stub-idp.xml): LEVEL_X"));
            Assert.That(result.Errors[1], Does.StartWith("federation.json identityProviders[1] (metadata/weak.xml):").And.Contain("too weak"));
            Assert.That(await Store.ListRelyingPartiesAsync(), Is.Empty, "the good RP entry was not written either");
            Assert.That(await Store.ListIdentityProvidersAsync(), Is.Empty);
        });
    }

    [TestCase("{ \"relyingParties\": [ { \"metadata\": \"../outside.xml\", \"levels\": [\"LEVEL_2\"] } ] }", "stay inside it")]
    [TestCase("{ \"relyingParties\": [ { \"metadata\": \"metadata/none.xml\", \"levels\": [\"LEVEL_2\"] } ] }", "does not exist")]
    [TestCase("{ \"relyingParties\": [ { \"levels\": [\"LEVEL_2\"] } ] }", "\"metadata\" is missing")]
    [TestCase("{ \"relyingParties\": [ { \"metadata\": \"metadata/test-rp.xml\", \"levels\": [\"LEVEL_2\"], \"trust\": \"sometimes\" } ] }", "\"trust\": 'sometimes'")]
    [TestCase("{ \"identityProviders\": [ { \"metadata\": \"metadata/stub-idp.xml\", \"levels\": [\"LEVEL_2\"], \"provideSignInUntil\": \"soon\" } ] }", "\"provideSignInUntil\": 'soon'")]
    [TestCase("{ \"relyingParties\": [ { \"metadata\": \"metadata/test-rp.xml\", \"levels\": [\"LEVEL_2\"], \"colour\": \"blue\" } ] }", "not valid configuration JSON")]
    [TestCase("{ \"relyingParties\": [ }", "federation.json line 1: not valid configuration JSON")]
    [TestCase("{ \"relyingParties\": [ { \"metadata\": \"metadata/test-rp.xml\", \"levels\": [\"LEVEL_2\"], \"matchingService\": { \"accountCreationUrl\": \"https://ms.test/c\" } } ] }", "\"matchingService\" needs \"metadata\"")]
    [TestCase("{ \"relyingParties\": [ { \"metadata\": \"metadata/test-rp.xml\", \"levels\": [\"LEVEL_2\"], \"matchingService\": { \"metadata\": \"../ms.xml\" } } ] }", "stay inside it")]
    [TestCase("{ \"relyingParties\": [ { \"metadata\": \"metadata/test-rp.xml\", \"levels\": [\"LEVEL_2\"], \"assertionMode\": \"trusting\" } ] }", "\"assertionMode\": 'trusting'")]
    [TestCase("{ \"relyingParties\": [ { \"metadata\": \"metadata/test-rp.xml\", \"levels\": [\"LEVEL_2\"] }, { \"metadata\": \"metadata/test-rp.xml\", \"levels\": [\"LEVEL_1\"] } ] }", "listed 2 times")]
    public void Check_ReportsTheProblem(string json, string expected)
    {
        using var folder = ConfigFolder.Stock();
        folder.Federation(json);

        var result = new FederationImporter(Store).Check(folder.Path);

        Assert.That(result.Errors, Has.One.Contain(expected));
    }

    [Test]
    public async Task Import_AMatchingRelyingParty_RegistersItsMatchingService()
    {
        using var folder = ConfigFolder.Stock();
        folder.Metadata("ms.xml", MatchingService());
        folder.Federation("""
            {
              "relyingParties": [
                {
                  "metadata": "metadata/test-rp.xml",
                  "levels": ["LEVEL_2"],
                  "matchingService": { "metadata": "metadata/ms.xml", "accountCreationUrl": "https://ms.test/SAML2/SOAP/AccountCreation", "trust": "pinned" },
                  "cycle3Attribute": "NationalInsuranceNumber",
                  "accountCreationAttributes": ["firstname", "surname"],
                  "assertionMode": "end-to-end"
                }
              ]
            }
            """);

        var result = await new FederationImporter(Store).ImportAsync(folder.Path);
        var rp = (await Store.LoadSnapshotAsync()).FindRelyingParty(RpId);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
            Assert.That(rp!.Matching!.EntityId, Is.EqualTo(MatchingServiceId));
            Assert.That(rp.Matching.TrustKind, Is.EqualTo(TrustKind.Pinned));
            Assert.That(rp.Matching.AccountCreationAttributes, Is.EqualTo(new List<string> { "firstname", "surname" }));
            Assert.That(rp.AssertionMode, Is.EqualTo(Parties.AssertionMode.EndToEnd));
        });
    }

    [Test]
    public void Check_AMissingFile_SaysWhere()
    {
        using var empty = new ConfigFolder();

        var result = new FederationImporter(Store).Check(empty.Path);

        Assert.That(result.Errors.Single(), Does.Contain("federation.json: not found"));
    }
}
