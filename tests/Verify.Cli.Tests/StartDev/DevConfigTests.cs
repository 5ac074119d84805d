using Verify.Cli.StartDev;
using Verify.Testing;

namespace Verify.Cli.Tests.StartDev;

/// <summary>
/// <c>config/</c> registers the in-process stub IDPs and test RP from metadata files: they must be exactly what those
/// apps publish for the default start-dev layout, or the two drift. <c>VERIFY_UPDATE_CONFIG=1</c> rewrites them.
/// </summary>
public sealed class DevConfigTests
{
    [Test]
    public void CommittedMetadata_IsWhatTheInProcessPartiesPublish()
    {
        var layout = DevLayout.Create(new DevFederationOptions { CertsDirectory = SampleCerts.Folder }, new DevKeys(SampleCerts.Folder), new byte[32], new byte[32]);
        var parties = layout.Parties();
        var expected = parties.StubIdpMetadata().Select(p => (File: p.Slug + ".xml", p.Metadata))
            .Append(("test-rp.xml", parties.TestRpMetadataXml()))
            .ToList();

        var update = Environment.GetEnvironmentVariable("VERIFY_UPDATE_CONFIG") == "1";
        Assert.Multiple(() =>
        {
            foreach (var (file, metadata) in expected)
            {
                var path = RepoPaths.Combine("config", "metadata", file);
                if (update)
                {
                    File.WriteAllBytes(path, metadata);
                }

                Assert.That(File.Exists(path) ? File.ReadAllBytes(path) : [], Is.EqualTo(metadata), $"{path} is stale: run the tests with VERIFY_UPDATE_CONFIG=1");
            }
        });
    }
}
