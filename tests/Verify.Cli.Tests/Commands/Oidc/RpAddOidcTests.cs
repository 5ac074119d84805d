using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Verify.Cli.Tests.Support;
using Verify.Federation;
using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Saml.Metadata;

namespace Verify.Cli.Tests.Commands.Oidc;

/// <summary><c>verify rp add --oidc</c> (ADR 0021) against a SQLite store in a temporary folder.</summary>
public sealed class RpAddOidcTests
{
    private const string ClientId = "https://oidc-rp.test";
    private const string RedirectUri = "https://oidc-rp.test/callback";

    private string _folder = "";

    private string Connection => $"Data Source={Path.Combine(_folder, "federation.db")}";

    private string JwksFile => Path.Combine(_folder, "rp-jwks.json");

    [SetUp]
    public void CreateFolder()
    {
        Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-cli-oidc-rp-" + Guid.NewGuid().ToString("N")));
        using var rsa = RSA.Create(2048);
        var key = rsa.ExportParameters(false);
        File.WriteAllText(JwksFile, JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", kid = "rp-1", n = Base64Url.EncodeToString(key.Modulus), e = Base64Url.EncodeToString(key.Exponent) } },
        }));
    }

    [TearDown]
    public void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void RpAdd_Oidc_RegistersTheClient_AgainChangesNothing_AndListShowsIt()
    {
        var add = Run(Add());
        var again = Run(Add());
        var list = Run("rp", "list");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Error);
            Assert.That(add.Output, Does.Contain($"Added OpenID Connect relying party {ClientId} (LEVEL_2, 1 redirect URI, registered keys)"));
            Assert.That(again.Output, Does.StartWith("Unchanged"));
            Assert.That(list.Output, Does.Contain($"{ClientId}  [enabled]  LEVEL_2  OpenID Connect client"));
            Assert.That(list.Output, Does.Contain($"redirect: {RedirectUri}"));
            Assert.That(list.Output, Does.Contain("claims: family_name given_name"));
            Assert.That(list.Output, Does.Contain("1 relying party."));
        });
    }

    [Test]
    public async Task RpAdd_Oidc_WithASecretFile_StoresOnlyItsHash_AndTheSameSecretAgainChangesNothing()
    {
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var secretFile = Path.Combine(_folder, "secret.txt");
        await File.WriteAllTextAsync(secretFile, secret + "\n");

        var add = Run([.. Add(), "--client-secret-file", secretFile]);
        var again = Run([.. Add(), "--client-secret-file", secretFile]);
        var store = FederationStore.Create(FederationProvider.Sqlite, Connection, TimeProvider.System);
        var stored = (await store.ListOidcRelyingPartiesAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Error);
            Assert.That(add.Output, Does.Contain("client_secret_basic allowed").And.Not.Contain(secret));
            Assert.That(again.Output, Does.StartWith("Unchanged"));
            Assert.That(stored.ClientSecretHash, Does.Not.Contain(secret));
            Assert.That(ClientSecretHasher.Verify(stored.ClientSecretHash!, secret), Is.True);
        });
    }

    [Test]
    public void RpDisableAndRemove_WorkOnAnOidcClient()
    {
        Run(Add());

        var disable = Run("rp", "disable", ClientId);
        var listed = Run("rp", "list");
        var remove = Run("rp", "remove", ClientId);
        var removeAgain = Run("rp", "remove", ClientId);

        Assert.Multiple(() =>
        {
            Assert.That(disable.ExitCode, Is.Zero, disable.Error);
            Assert.That(listed.Output, Does.Contain($"{ClientId}  [disabled]"));
            Assert.That(remove.ExitCode, Is.Zero, remove.Error);
            Assert.That(removeAgain.ExitCode, Is.EqualTo(ExitCodes.Failure));
        });
    }

    [Test]
    public void RpAdd_Oidc_WithAnIdTokenAlg_StoresIt_AndListShowsIt()
    {
        var add = Run([.. Add(), "--id-token-alg", "ES256"]);
        var list = Run("rp", "list");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Error);
            Assert.That(list.Output, Does.Contain("id_token: ES256"));
        });
    }

    [Test]
    public void RpAdd_Oidc_WithAMatchingService_RegistersIt_HubAsserted_AndListShowsIt()
    {
        var ms = Path.Combine(_folder, "ms.xml");
        File.WriteAllText(ms, MetadataWriter.Write(FederationFixtures.MatchingServiceMetadata()).OuterXml, new UTF8Encoding(false));

        var add = Run([
            .. Add(), "--matching-service-metadata", ms, "--account-creation-url", "https://ms.test/SAML2/SOAP/AccountCreation",
            "--cycle3-attribute", "NationalInsuranceNumber", "--account-creation-attribute", "firstname"]);
        var list = Run("rp", "list");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Error);
            Assert.That(add.Output, Does.Contain($"Matching service {FederationFixtures.MatchingServiceId} at https://ms.test/SAML2/SOAP/AttributeQuery (pkix trust); hub-asserted."));
            Assert.That(list.Output, Does.Contain(
                $"matching service: {FederationFixtures.MatchingServiceId} at https://ms.test/SAML2/SOAP/AttributeQuery (pkix trust); hub-asserted; cycle 3: NationalInsuranceNumber; creates accounts (firstname)"));
        });
    }

    [TestCase("--end-to-end")]
    [TestCase("--matching-service https://ms.test/saml")]
    public void RpAdd_Oidc_WithEndToEndOrAMatchingServiceIdAlone_IsAUsageError(string options)
    {
        var run = Run([.. Add(), .. options.Split(' ')]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
            Assert.That(run.Error, Does.Contain("hub asserts the match outcome"));
        });
    }

    [TestCase("--client-id")]
    [TestCase("--redirect-uri")]
    [TestCase("--name")]
    [TestCase("--loa")]
    public void RpAdd_Oidc_WithoutARequiredOption_IsAUsageError(string missing)
    {
        var args = Add().ToList();
        args.RemoveRange(args.IndexOf(missing), 2);

        var run = Run([.. args]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
    }

    [Test]
    public void RpAdd_OidcOptionsWithoutOidc_OrOidcWithMetadata_AreUsageErrors()
    {
        var withoutOidc = Run([.. Add().Where(a => a != "--oidc")]);
        var withMetadata = Run([.. Add(), "--metadata", JwksFile]);

        Assert.Multiple(() =>
        {
            Assert.That(withoutOidc.ExitCode, Is.EqualTo(ExitCodes.Usage), withoutOidc.Error);
            Assert.That(withMetadata.ExitCode, Is.EqualTo(ExitCodes.Usage), withMetadata.Error);
        });
    }

    [TestCase("--redirect-uri", "http://oidc-rp.test/callback", "not https")]
    [TestCase("--jwks-uri", "https://oidc-rp.test/jwks", "not both")]
    [TestCase("--claim", "gender", "'gender'")]
    [TestCase("--loa", "LEVEL_X", "LEVEL_X")]
    [TestCase("--id-token-alg", "HS256", "'HS256'")]
    public void RpAdd_Oidc_BreakingARule_IsRefused_AndNothingIsStored(string option, string value, string says)
    {
        var run = Run([.. Add(), option, value]);
        var list = Run("rp", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused), run.Error);
            Assert.That(run.Error, Does.Contain(says));
            Assert.That(list.Output, Does.Contain("0 relying parties."));
        });
    }

    private string[] Add() =>
    [
        "rp", "add", "--oidc", "--client-id", ClientId, "--redirect-uri", RedirectUri, "--jwks", JwksFile,
        "--loa", "LEVEL_2", "--name", "OIDC service", "--claim", "given_name", "--claim", "family_name",
    ];

    private CliRun Run(params string[] args) => CliRun.InProcess([.. args, "--provider", "sqlite", "--connection", Connection]);
}
