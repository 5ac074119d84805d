using System.Text.Json;

using Verify.MatchingService.Production;
using Verify.MatchingService.Tests.Support;

namespace Verify.MatchingService.Tests.Production;

/// <summary>
/// <c>oidcIdps[]</c> of the configuration file (ADR 0025): the JWKS file's keys pinned, and
/// <c>acceptHubVouchedClaims</c> off unless the department turns it on for that IDP (ADR 0025 addendum).
/// </summary>
public sealed class OidcIdpFilesTests
{
    private static readonly bool[] OffThenOn = [false, true];

    private DirectoryInfo _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("verify-msa-oidc-idps-");

    [TearDown]
    public void DeleteFolder() => _folder.Delete(recursive: true);

    [Test]
    public void AcceptHubVouchedClaims_IsOffByDefault_AndOnOnlyForTheIdpThatSaysSo()
    {
        var jwks = Path.Combine(_folder.FullName, "idp.jwks");
        var key = Parties.PublicJwk("stub-idp-signing");
        File.WriteAllText(jwks, JsonSerializer.Serialize(new { keys = new[] { new { kty = key.Kty, n = key.N, e = key.E, use = "sig" } } }));
        var problems = new List<string>();

        var idps = OidcIdpFiles.Read(
        [
            new OidcIdpSettings { Issuer = "https://one.test/oidc", ClientId = "hub", Jwks = jwks },
            new OidcIdpSettings { Issuer = "https://two.test/oidc", ClientId = "hub", Jwks = jwks, AcceptHubVouchedClaims = true },
        ], problems);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(idps.Select(i => i.AcceptHubVouchedClaims), Is.EqualTo(OffThenOn));
            Assert.That(new TrustedOidcIdp("https://three.test/oidc", "hub", [key]).AcceptHubVouchedClaims, Is.False);
        });
    }
}
