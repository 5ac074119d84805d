using System.Text;

using Verify.Saml.Metadata;

namespace Verify.Federation.Tests.Support;

/// <summary>A temporary config folder: <c>federation.json</c> and <c>metadata/*.xml</c> written by a test.</summary>
internal sealed class ConfigFolder : IDisposable
{
    public ConfigFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "verify-federation-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "metadata"));
    }

    public string Path { get; }

    /// <summary>Writes <c>metadata/{name}</c> and returns its relative path.</summary>
    public string Metadata(string name, MetadataDescriptor metadata)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, "metadata", name), TestParties.Bytes(metadata));
        return "metadata/" + name;
    }

    public void Federation(string json) => File.WriteAllText(System.IO.Path.Combine(Path, "federation.json"), json, new UTF8Encoding(false));

    /// <summary>The stock folder: one RP (test RP) and two IDPs (the stub IDP and a second one, onboarding for the RP).</summary>
    public static ConfigFolder Stock()
    {
        var folder = new ConfigFolder();
        folder.Metadata("test-rp.xml", TestParties.Rp());
        folder.Metadata("stub-idp.xml", TestParties.Idp());
        folder.Metadata("second-idp.xml", TestParties.Idp("https://idp2.test/saml"));
        folder.Federation(StockJson);
        return folder;
    }

    public const string StockJson = """
        {
          // comments are allowed
          "relyingParties": [
            {
              "metadata": "metadata/test-rp.xml",
              "levels": ["LEVEL_2"],
              "displayName": { "en": "Test RP", "cy": "RP Prawf" },
              "serviceHomepage": "https://rp.test/",
              "otherWaysToAccess": { "en": "Phone 0300 000 0000" }
            }
          ],
          "identityProviders": [
            {
              "metadata": "metadata/stub-idp.xml",
              "levels": ["LEVEL_1", "LEVEL_2"],
              "trust": "pinned",
              "displayName": { "en": "Stub IDP" },
              "displayOrder": 1
            },
            {
              "metadata": "metadata/second-idp.xml",
              "levels": ["LEVEL_2"],
              "displayName": { "en": "Second IDP" },
              "displayOrder": 2,
              "onboardingOnlyFor": ["https://rp.test/saml"],
              "provideRegistrationUntil": "2027-03-31T23:00:00Z",
              "enabled": true
            }
          ]
        }
        """;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
