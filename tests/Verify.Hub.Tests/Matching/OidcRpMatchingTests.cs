using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Verify.Audit.Events;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Matching.Support;
using Verify.Hub.Tests.Oidc.Provider.Support;
using Verify.Hub.Tests.Support;
using Verify.Saml.Saml;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Hub.Tests.Matching;

/// <summary>
/// A matching RP that signs in with OpenID Connect (ADR 0026): the same matching journey as a SAML RP's (cycles 0/1,
/// cycle 3, account creation) against the real matching service, the match statement addressed to the client's
/// redirect URI, and the outcome asserted by the hub in the ID token and at userinfo under the same names as the SAML
/// attributes; a no-match is <c>access_denied</c> and issues nothing.
/// </summary>
public sealed class OidcRpMatchingTests
{
    private static readonly string JaneHashedPid = HashedPid.Compute(TestDirectory.IdpOne, MatchingHarness.MatchingServiceId, "pid-jane-0001", "LEVEL_2");
    private static readonly string[] AccountAttributes = ["firstname", "surname", "dateofbirth", "currentaddress"];

    [Test]
    public async Task Match_TheIdTokenAndUserInfoCarryTheMatchOutcomeAndHashedPid_BesideThePairwiseSub()
    {
        await using var harness = await MatchingHarness.StartAsync();
        var client = Register(harness);

        var settled = await ToSettledAsync(client, harness);
        Assert.That(settled.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.Continue));
        Assert.That((await Flow.CurrentAsync(harness.Hub))!.State, Is.TypeOf<SuccessfulMatchState>());
        var (claims, userInfo) = await SignedInAsync(client, harness, settled);

        Assert.Multiple(() =>
        {
            Assert.That(claims[RpMatchOutcomeName], Is.EqualTo("match"));
            Assert.That(claims[HashedPidName], Is.EqualTo(JaneHashedPid), "the key the department's matching service linked");
            Assert.That((string)claims["sub"], Has.Length.EqualTo(64).And.Not.EqualTo(JaneHashedPid), "sub is the pairwise identifier");
            Assert.That(claims["acr"], Is.EqualTo(LevelOfAssurance.Level2.AuthnContext));
            Assert.That(userInfo.GetProperty(RpMatchOutcomeName).GetString(), Is.EqualTo("match"));
            Assert.That(userInfo.GetProperty(HashedPidName).GetString(), Is.EqualTo(JaneHashedPid));
            Assert.That(userInfo.GetProperty("sub").GetString(), Is.EqualTo(claims["sub"]));
            Assert.That(userInfo.GetProperty("verified_claims").GetProperty("claims").GetProperty("given_name").GetString(), Is.EqualTo("Jane"));
            Assert.That(harness.Transport.Paths, Is.EqualTo(new List<string> { "/SAML2/SOAP/AttributeQuery" }));
            Assert.That(harness.Hub.Recorded.Events.OfType<ResponseSentToRp>().Count(), Is.EqualTo(1), "answered once");
        });
    }

    [Test]
    public async Task NoMatch_TheClientGetsAccessDenied_AndNoCode()
    {
        await using var harness = await MatchingHarness.StartAsync(records: People.Robert);
        var client = Register(harness);

        var settled = await ToSettledAsync(client, harness);
        var (path, _, html) = await MatchingFlow.ReadAsync(settled);
        Assert.That(path, Is.EqualTo(HubPaths.NoMatch), html);

        var page = await MatchingFlow.ReturnToServiceAsync(harness.Hub.Client, settled);
        var callback = OidcTestClient.Callback(await OidcJourney.AnswerFormAsync(client, page));
        Assert.Multiple(() =>
        {
            Assert.That(callback["error"], Is.EqualTo("access_denied"));
            Assert.That(callback, Does.Not.ContainKey("code"));
            Assert.That(callback["state"], Is.EqualTo(client.State));
        });
    }

    [Test]
    public async Task NoMatchThenNino_MatchesInCycle3()
    {
        await using var harness = await MatchingHarness.StartAsync(records: People.JaneAtAnOldAddress, cycle3: Cycle3Attributes.NationalInsuranceNumber);
        var client = Register(harness);

        var asked = await ToSettledAsync(client, harness);
        Assert.That(asked.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo(HubPaths.FurtherInformation));
        var sent = await harness.Hub.Client.SubmitAsync(asked, "#identifier-form", ("Identifier", People.JaneNino));
        Assert.That(sent.Headers.Location?.OriginalString, Is.EqualTo(HubPaths.Matching));
        var settled = await MatchingFlow.SettleAsync(harness);
        var (claims, _) = await SignedInAsync(client, harness, settled);

        Assert.Multiple(() =>
        {
            Assert.That(claims[RpMatchOutcomeName], Is.EqualTo("match"));
            Assert.That(harness.Hub.Recorded.Events.OfType<MatchRequestSent>().Select(e => e.Cycle), Is.EqualTo(new List<MatchCycle> { MatchCycle.Cycle0And1, MatchCycle.Cycle3 }));
        });
    }

    [Test]
    public async Task NoMatchThenAccountCreated_TheOutcomeIsCreated()
    {
        await using var harness = await MatchingHarness.StartAsync(records: "", accountCreation: AccountAttributes);
        var client = Register(harness);

        var settled = await ToSettledAsync(client, harness);
        Assert.That((await Flow.CurrentAsync(harness.Hub))!.State, Is.TypeOf<UserAccountCreatedState>());
        var (claims, _) = await SignedInAsync(client, harness, settled);

        Assert.Multiple(() =>
        {
            Assert.That(claims[RpMatchOutcomeName], Is.EqualTo("created"));
            Assert.That(claims[HashedPidName], Is.EqualTo(JaneHashedPid));
            Assert.That(harness.Transport.Paths, Is.EqualTo(new List<string> { "/SAML2/SOAP/AttributeQuery", "/SAML2/SOAP/AccountCreation" }));
        });
    }

    [Test]
    public async Task AMatchingClient_MayAskForTheMatchClaimsByName()
    {
        await using var harness = await MatchingHarness.StartAsync();
        var client = Register(harness);

        var start = await client.AuthorizeAsync(("claims", """{"id_token":{"urn:uk:gov:verify:attribute:match-outcome":null,"urn:uk:gov:verify:attribute:hashed-pid":null}}"""));

        Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.OK), await start.Content.ReadAsStringAsync());
        Assert.That((await Flow.CurrentAsync(harness.Hub))!.Rp.Matching!.MatchingServiceId, Is.EqualTo(MatchingHarness.MatchingServiceId));
    }

    private const string RpMatchOutcomeName = HubAttributeNames.MatchOutcome;
    private const string HashedPidName = HubAttributeNames.HashedPid;

    private static OidcTestClient Register(MatchingHarness harness)
    {
        var client = new OidcTestClient(harness.Hub);
        client.Register();
        Assert.That(harness.Hub.Directory.RelyingParty.Matching, Is.Not.Null, "the OIDC client is the matching RP");
        return client;
    }

    // The OIDC RP's request → the hub → the SAML IDP → the ACS, which sends the query; then the page once it settled.
    private static async Task<HttpResponseMessage> ToSettledAsync(OidcTestClient client, MatchingHarness harness)
    {
        var atIdp = await OidcJourney.AtIdpAsync(client, await client.AuthorizeAsync());
        Assert.That((atIdp.StatusCode, atIdp.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Found, HubPaths.Matching)), await atIdp.Content.ReadAsStringAsync());
        var journey = await Flow.CurrentAsync(harness.Hub);
        Assert.That(journey!.Rp.ProtocolData["acs"], Is.EqualTo(OidcTestClient.RedirectUri), "the matching service's statement is addressed to the redirect URI");
        return await MatchingFlow.SettleAsync(harness);
    }

    // "Continue" → the answer form → the code → the tokens (the ID token checked with the hub's key) and userinfo.
    private static async Task<(IDictionary<string, object> IdToken, JsonElement UserInfo)> SignedInAsync(OidcTestClient client, MatchingHarness harness, HttpResponseMessage settled)
    {
        var page = await MatchingFlow.ReturnToServiceAsync(harness.Hub.Client, settled);
        var callback = OidcTestClient.Callback(await OidcJourney.AnswerFormAsync(client, page));
        Assert.That(callback, Does.ContainKey("code"), string.Join(", ", callback.Select(c => c.Key + "=" + c.Value)));
        var tokenResponse = await client.RedeemAsync(callback["code"]);
        var body = await tokenResponse.Content.ReadAsStringAsync();
        Assert.That(tokenResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var tokens = JsonDocument.Parse(body);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.RootElement.GetProperty("id_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = client.Issuer,
            ValidAudience = client.ClientId,
            IssuerSigningKey = new X509SecurityKey(SampleCerts.Certificate("hub-signing")),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (_, _, _, _) => true,
        });
        Assert.That(validated.IsValid, Is.True, validated.Exception?.Message);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.RootElement.GetProperty("access_token").GetString());
        var userInfo = await harness.Hub.Client.SendAsync(request);
        var userInfoBody = await userInfo.Content.ReadAsStringAsync();
        Assert.That(userInfo.StatusCode, Is.EqualTo(HttpStatusCode.OK), userInfoBody);
        using var info = JsonDocument.Parse(userInfoBody);
        return (validated.Claims, info.RootElement.Clone());
    }
}
