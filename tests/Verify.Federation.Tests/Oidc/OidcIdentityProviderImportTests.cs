using Verify.Federation.Import;
using Verify.Federation.Storage;
using Verify.Federation.Tests.Support;

using static Verify.Federation.Tests.Support.TestParties;

namespace Verify.Federation.Tests.Oidc;

/// <summary><c>oidcIdentityProviders</c> in <c>federation.json</c>: imported with the other parties, all or nothing.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class OidcIdentityProviderImportTests(FederationProvider provider) : StoreTestBase(provider)
{
    [Test]
    public async Task Import_RegistersTheOidcIdp_WithItsPinnedKeys()
    {
        using var folder = Folder(jwks: "\"jwks\": \"keys/oidc-idp.json\", \"scopes\": [\"profile\", \"address\"],");

        var result = await new FederationImporter(Store).ImportAsync(folder.Path);
        var idp = (await Store.LoadSnapshotAsync()).FindOidcIdentityProvider(OidcTestParties.Issuer);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Errors));
            Assert.That(idp?.ClientId, Is.EqualTo(OidcTestParties.ClientId));
            Assert.That(idp?.PinnedJwks, Is.EqualTo(OidcTestParties.StubJwks()));
            Assert.That(idp?.DisplayOrder, Is.EqualTo(3));
            Assert.That(idp?.Scopes, Is.EqualTo(OidcTestParties.ProfileAndAddress));
        });
    }

    [Test]
    public async Task Import_WithABadOidcEntry_WritesNothing_AndNamesTheEntry()
    {
        using var folder = Folder(jwks: "", issuer: "http://oidc-idp.test/oidc");

        var result = await new FederationImporter(Store).ImportAsync(folder.Path);
        var snapshot = await Store.LoadSnapshotAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Errors, Has.Some.Contains("oidcIdentityProviders[0]"));
            Assert.That(snapshot.FindRelyingParty(RpId), Is.Null);
        });
    }

    private static ConfigFolder Folder(string jwks, string issuer = OidcTestParties.Issuer)
    {
        var folder = new ConfigFolder();
        folder.Metadata("test-rp.xml", Rp());
        Directory.CreateDirectory(Path.Combine(folder.Path, "keys"));
        File.WriteAllText(Path.Combine(folder.Path, "keys", "oidc-idp.json"), OidcTestParties.StubJwks());
        folder.Federation($$"""
            {
              "relyingParties": [ { "metadata": "metadata/test-rp.xml", "levels": ["LEVEL_2"] } ],
              "oidcIdentityProviders": [
                {
                  "issuer": "{{issuer}}",
                  "clientId": "{{OidcTestParties.ClientId}}",
                  {{jwks}}
                  "levels": ["LEVEL_1", "LEVEL_2"],
                  "displayName": { "en": "OIDC IDP" },
                  "displayOrder": 3
                }
              ]
            }
            """);
        return folder;
    }
}
