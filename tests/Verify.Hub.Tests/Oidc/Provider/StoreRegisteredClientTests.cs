using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Federation;
using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Hub.Directory;
using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Metadata;
using Verify.Saml.Samlp;
using Verify.Testing;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>
/// ADR 0021: a client registered in the federation store (as <c>verify rp add --oidc</c> and <c>config/</c> do),
/// served to OpenIddict through <see cref="FederationDirectory"/>, signs in; a change in the store reaches the hub
/// without a restart.
/// </summary>
public sealed class StoreRegisteredClientTests
{
    private const string ClientId = "https://oidc-rp.test/service";

    private readonly FakeTimeProvider _storeClock = new(DateTimeOffset.UtcNow);
    private string _file = "";
    private FederationStore _store = null!;
    private CachedFederation _federation = null!;
    private HubHarness _hub = null!;
    private OidcTestClient _client = null!;
    private string _secret = "";

    [SetUp]
    public async Task StartAsync()
    {
        _file = Path.Combine(Path.GetTempPath(), $"verify-hub-oidc-store-{Guid.NewGuid():N}.db");
        _store = FederationStore.Create(FederationProvider.Sqlite, $"Data Source={_file}", _storeClock);
        await _store.MigrateAsync();
        _federation = await CachedFederation.CreateAsync(_store);
        _hub = await HubHarness.StartAsync(directorySource: new FederationDirectory(_federation));
        _client = new OidcTestClient(_hub, ClientId);
        _secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

        // The same checks and rows as `verify rp add --oidc` and a config/ import.
        var idp = IdentityProviderRegistration.FromMetadata(
            Encoding.UTF8.GetBytes(MetadataWriter.Write(StubIdpMetadata()).OuterXml), new IdentityProviderSettings { Levels = ["LEVEL_1", "LEVEL_2"] });
        await _store.AddOrUpdateAsync([], [idp], [], [Client()]);
        await _federation.RefreshAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _hub.DisposeAsync();
        _federation.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Test]
    public async Task SignIn_WithAClientFromTheFederationStore_IssuesAnIdTokenForIt()
    {
        var callback = await OidcJourney.SignInAsync(_client);
        var tokens = await _client.RedeemAsync(callback["code"]);
        var body = await tokens.Content.ReadAsStringAsync();
        Assert.That(tokens.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);

        using var json = JsonDocument.Parse(body);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(json.RootElement.GetProperty("id_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = _client.Issuer,
            ValidAudience = ClientId,
            IssuerSigningKey = new X509SecurityKey(SampleCerts.Certificate("hub-signing")),
            LifetimeValidator = (_, _, _, _) => true,
        });
        Assert.Multiple(() =>
        {
            Assert.That(validated.IsValid, Is.True, validated.Exception?.Message);
            Assert.That(validated.Claims["nonce"], Is.EqualTo(_client.Nonce));
        });
    }

    [Test]
    public async Task ClientSecretBasic_WithTheSecretWhoseHashTheStoreHolds_IsAccepted_AndAnotherIsNot()
    {
        var first = await OidcJourney.SignInAsync(_client);
        var wrong = await RedeemWithSecretAsync(first["code"], _secret + "0", _client.Verifier);
        var secondClient = new OidcTestClient(_hub, ClientId, _client.Key);
        var second = await OidcJourney.SignInAsync(secondClient);
        var right = await RedeemWithSecretAsync(second["code"], _secret, secondClient.Verifier);

        Assert.Multiple(async () =>
        {
            Assert.That(await OidcTestClient.ErrorOf(wrong), Is.EqualTo("invalid_client"));
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), await right.Content.ReadAsStringAsync());
        });
    }

    [Test]
    public async Task DisablingTheClientInTheStore_ReachesTheRunningHub_AndItsRequestsAreRefused()
    {
        await _store.SetOidcRelyingPartyEnabledAsync(ClientId, false);
        _storeClock.Advance(CachedFederationOptions.Default.CheckInterval + TimeSpan.FromSeconds(1));

        var refused = await _client.AuthorizeAsync();
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), html);
            Assert.That(refused.Headers.Location?.AbsoluteUri ?? "", Does.Not.StartWith(OidcTestClient.RedirectUri), "an unknown client is never redirected to");
        });
    }

    private OidcRelyingPartyRegistration Client() => OidcRelyingPartyRegistration.Create(new OidcRelyingPartySettings
    {
        ClientId = ClientId,
        DisplayName = new BilingualText("Store-registered service"),
        Levels = ["LEVEL_2"],
        RedirectUris = [OidcTestClient.RedirectUri],
        Jwks = _client.Jwks(),
        Claims = ["given_name", "family_name", "birthdate", "address"],
        ClientSecretHash = ClientSecretHasher.Hash(_secret),
    });

    private Task<HttpResponseMessage> RedeemWithSecretAsync(string code, string secret, string verifier)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _client.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = OidcTestClient.RedirectUri,
                ["code_verifier"] = verifier,
            }),
        };

        // RFC 6749 2.3.1: client ID and secret form-encoded, then Basic.
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(ClientId) + ":" + Uri.EscapeDataString(secret))));
        return _hub.Client.SendAsync(request);
    }

    // The stub IDP as TestDirectory has it: its entity ID, single sign-on URL and signing certificate.
    private static EntityDescriptor StubIdpMetadata() => new()
    {
        EntityId = TestDirectory.IdpOne,
        Roles =
        [
            new IdpSsoDescriptor
            {
                WantAuthnRequestsSigned = true,
                KeyDescriptors =
                [
                    new KeyDescriptor { Use = KeyUse.Signing, Certificates = [SampleCerts.Certificate("stub-idp-signing")] },
                    new KeyDescriptor { Use = KeyUse.Encryption, Certificates = [SampleCerts.Certificate("stub-idp-encryption")] },
                ],
                SingleSignOnServices = [new Endpoint { Binding = SamlBindings.HttpPost, Location = TestDirectory.IdpSso }],
            },
        ],
    };
}
