using Verify.Federation.Import;
using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Oidc;

/// <summary><c>oidcRelyingParties</c> in <c>federation.json</c>: imported with the other parties, all or nothing.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OidcRelyingPartyImportTests(FederationProvider provider) : StoreTestBase(provider)
{
    private static readonly string[] BirthdateAndGivenName = ["birthdate", "given_name"];

    [Test]
    public async Task Import_RegistersTheOidcRp_WithItsKeysFromTheFolder_AndReImportChangesNothing()
    {
        using var folder = Folder("\"jwks\": \"keys/oidc-rp.json\"");

        var result = await new FederationImporter(Store).ImportAsync(folder.Path);
        var again = await new FederationImporter(Store).ImportAsync(folder.Path);
        var rp = (await Store.LoadSnapshotAsync()).FindOidcRelyingParty(OidcTestClients.ClientId);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
            Assert.That(result.PartyCount, Is.EqualTo(2));
            Assert.That(rp?.Jwks, Is.EqualTo(OidcTestClients.Jwks));
            Assert.That(rp?.RedirectUris, Is.EqualTo(new[] { OidcTestClients.RedirectUri }));
            Assert.That(rp?.Claims, Is.EqualTo(BirthdateAndGivenName));
            Assert.That(again.Changes.Select(c => c.Outcome), Is.All.EqualTo(StoreOutcome.Unchanged));
        });
    }

    [Test]
    public async Task Import_KeepsTheIdTokenAlg_AndDefaultsItToRs256()
    {
        using var es256 = Folder("\"jwks\": \"keys/oidc-rp.json\", \"idTokenSignedResponseAlg\": \"ES256\"");
        var result = await new FederationImporter(Store).ImportAsync(es256.Path);
        var rp = (await Store.LoadSnapshotAsync()).FindOidcRelyingParty(OidcTestClients.ClientId);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
            Assert.That(rp?.IdTokenSignedResponseAlg, Is.EqualTo("ES256"));
        });
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return new TestCaseData("\"jwks\": \"keys/oidc-rp.json\", \"redirectUris\": [\"http://oidc-rp.test/cb\"]", "not https").SetName("Import_Refuses_AnHttpRedirectUri");
        yield return new TestCaseData("\"jwks\": \"keys/oidc-rp.json\", \"jwksUri\": \"https://oidc-rp.test/jwks\"", "not both").SetName("Import_Refuses_BothKeySources");
        yield return new TestCaseData("\"jwks\": \"../outside.json\"", "stay inside").SetName("Import_Refuses_AJwksPathOutsideTheFolder");
        yield return new TestCaseData("\"jwks\": \"keys/missing.json\"", "does not exist").SetName("Import_Refuses_AMissingJwksFile");
        yield return new TestCaseData("\"jwks\": \"keys/oidc-rp.json\", \"claims\": [\"gender\"]", "'gender'").SetName("Import_Refuses_AnUnknownClaim");
        yield return new TestCaseData("\"jwks\": \"keys/oidc-rp.json\", \"idTokenSignedResponseAlg\": \"HS256\"", "'HS256'").SetName("Import_Refuses_ASymmetricIdTokenAlg");
        yield return new TestCaseData("\"jwks\": \"keys/oidc-rp.json\", \"clientSecret\": \"plain\"", "not valid configuration JSON").SetName("Import_Refuses_APlainClientSecretField");
        yield return new TestCaseData($"\"jwks\": \"keys/oidc-rp.json\", \"clientId\": \"{RpId}\"", "listed 2 times").SetName("Import_Refuses_AClientIdThatIsTheSamlRpsEntityId");
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task Import_WithABadOidcRpEntry_WritesNothing_AndSaysWhy(string fields, string says)
    {
        using var folder = Folder(fields);

        var result = await new FederationImporter(Store).ImportAsync(folder.Path);
        var snapshot = await Store.LoadSnapshotAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(string.Join("\n", result.Errors), Does.Contain(says));
            Assert.That(snapshot.FindRelyingParty(RpId), Is.Null, "all or nothing: the SAML RP is not written either");
            Assert.That(snapshot.OidcRelyingParties, Is.Empty);
        });
    }

    [Test]
    public async Task Import_NamesTheEntry_WhenItIsRefused()
    {
        using var folder = Folder("\"jwksUri\": \"http://oidc-rp.test/jwks\"");

        var result = await new FederationImporter(Store).ImportAsync(folder.Path);

        Assert.That(result.Errors, Has.Some.Contains("oidcRelyingParties[0]").And.Some.Contains("jwks_uri"));
    }

    // The fields given come last, so they override the defaults (System.Text.Json keeps the last of a repeated name).
    private static ConfigFolder Folder(string fields)
    {
        var folder = new ConfigFolder();
        folder.Metadata("test-rp.xml", Rp());
        Directory.CreateDirectory(Path.Combine(folder.Path, "keys"));
        File.WriteAllText(Path.Combine(folder.Path, "keys", "oidc-rp.json"), OidcTestClients.Jwks);
        folder.Federation($$"""
            {
              "relyingParties": [ { "metadata": "metadata/test-rp.xml", "levels": ["LEVEL_2"] } ],
              "oidcRelyingParties": [
                {
                  "clientId": "{{OidcTestClients.ClientId}}",
                  "displayName": { "en": "OIDC service" },
                  "levels": ["LEVEL_2"],
                  "redirectUris": ["{{OidcTestClients.RedirectUri}}"],
                  "claims": ["given_name", "birthdate"],
                  {{fields}}
                }
              ]
            }
            """);
        return folder;
    }
}
