using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests.Commands.Oidc;

/// <summary><c>verify idp add --oidc-issuer</c> (ADR 0022) against a SQLite store in a temporary folder.</summary>
public sealed class IdpAddOidcTests
{
    private const string Issuer = "https://oidc-idp.test/oidc";

    private string _folder = "";

    private string Connection => $"Data Source={Path.Combine(_folder, "federation.db")}";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "verify-cli-oidc-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void IdpAdd_ByOidcIssuer_RegistersIt_AndAgainChangesNothing()
    {
        var add = Run("idp", "add", "--oidc-issuer", Issuer, "--client-id", "https://hub.test/oidc", "--loa", "LEVEL_2", "--name", "OIDC IDP");
        var again = Run("idp", "add", "--oidc-issuer", Issuer, "--client-id", "https://hub.test/oidc", "--loa", "LEVEL_2", "--name", "OIDC IDP");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Error);
            Assert.That(add.Output, Does.Contain($"Added OpenID Connect identity provider {Issuer} (LEVEL_2, client https://hub.test/oidc, keys from its discovery document, scope openid)"));
            Assert.That(again.Output, Does.StartWith("Unchanged"));
        });
    }

    [Test]
    public void IdpAdd_WithScopes_AsksForThemBesidesOpenid_AndABadScopeIsRefused()
    {
        var add = Run("idp", "add", "--oidc-issuer", Issuer, "--client-id", "hub", "--loa", "LEVEL_2", "--name", "OIDC IDP", "--scope", "profile", "--scope", "address", "--scope", "openid");
        var bad = Run("idp", "add", "--oidc-issuer", Issuer, "--client-id", "hub", "--loa", "LEVEL_2", "--name", "OIDC IDP", "--scope", "profile email");

        Assert.Multiple(() =>
        {
            Assert.That(add.ExitCode, Is.Zero, add.Error);
            Assert.That(add.Output, Does.Contain("scope openid address profile)"));
            Assert.That(bad.ExitCode, Is.EqualTo(ExitCodes.Refused), bad.Error);
            Assert.That(bad.Error, Does.Contain("is not a scope"));
        });
    }

    [TestCase("--client-id")]
    [TestCase("--name")]
    public void IdpAdd_ByOidcIssuer_WithoutARequiredOption_IsAUsageError(string missing)
    {
        var args = new List<string> { "idp", "add", "--oidc-issuer", Issuer, "--client-id", "hub", "--loa", "LEVEL_2", "--name", "OIDC IDP" };
        var at = args.IndexOf(missing);
        args.RemoveRange(at, 2);

        var run = Run([.. args]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
    }

    [Test]
    public void IdpAdd_ByAnHttpIssuer_IsRefused()
    {
        var run = Run("idp", "add", "--oidc-issuer", "http://oidc-idp.test/oidc", "--client-id", "hub", "--loa", "LEVEL_2", "--name", "OIDC IDP");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused), run.Error);
    }

    private CliRun Run(params string[] args) => CliRun.InProcess([.. args, "--provider", "sqlite", "--connection", Connection]);
}
