using Verify.MatchingService.Tests.Support;
using Verify.Saml.Samlp;
using Verify.Saml.Validation;

namespace Verify.MatchingService.Tests.Oidc;

/// <summary>
/// Identity claims the hub took from an OIDC IDP's userinfo and vouches for in its signed query (ADR 0025 addendum):
/// they complete the dataset only for an IDP the department registered with <c>AcceptHubVouchedClaims</c>, only where
/// the ID token has no such claim; otherwise the query is refused (VM1013) and nothing is linked.
/// </summary>
public sealed class HubVouchedClaimsTests
{
    private static readonly Dictionary<string, string> SignedFamilyNameOnly = new(StringComparer.Ordinal) { ["family_name"] = "Smith" };

    private MatchingServiceHost? _host;
    private TestHub? _hub;

    [TearDown]
    public async Task StopAsync()
    {
        _hub?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Test]
    public async Task Accepted_VouchedClaimsCompleteTheSignedOnes_AndCycle3Matches()
    {
        var hub = await StartAsync(accept: true);
        var query = hub.OidcQuery(Token(hub, SignedFamilyNameOnly), vouchedByHub: [new("given_name", "Robert"), new("birthdate", "1980-10-03")])
            with
        { Cycle3 = new Cycle3Value("NationalInsuranceNumber", People.RobertNino) };

        var answer = await hub.AskAsync(query);

        Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.Match), "the date of birth the hub vouched for corroborates the identifier");
    }

    [Test]
    public async Task Accepted_AVouchedValueIsWhatIsMatched_AnotherDateOfBirthDoesNotCorroborate()
    {
        var hub = await StartAsync(accept: true);
        var query = hub.OidcQuery(Token(hub, SignedFamilyNameOnly), vouchedByHub: [new("given_name", "Robert"), new("birthdate", "1991-01-01")])
            with
        { Cycle3 = new Cycle3Value("NationalInsuranceNumber", People.RobertNino) };

        Assert.That((await hub.AskAsync(query)).Outcome, Is.EqualTo(MatchingServiceOutcome.NoMatch));
    }

    [Test]
    public async Task NotAccepted_ForThatIdp_IsRefusedWithVM1013()
    {
        var hub = await StartAsync(accept: false);
        var query = hub.OidcQuery(Token(hub, SignedFamilyNameOnly), vouchedByHub: [new("given_name", "Robert"), new("birthdate", "1980-10-03")]);

        await AssertRefusedAsync(hub, query);
    }

    [Test]
    public async Task AVouchedClaimTheIdTokenCarries_IsRefusedWithVM1013_EvenWhenAccepted()
    {
        var hub = await StartAsync(accept: true);
        var query = hub.OidcQuery(Token(hub, SignedFamilyNameOnly), vouchedByHub: [new("family_name", "Jones"), new("given_name", "Robert"), new("birthdate", "1980-10-03")]);

        await AssertRefusedAsync(hub, query);
    }

    [Test]
    public async Task AVouchedClaimBesideVerifysSignedDataset_IsRefusedWithVM1013_EvenWhenAccepted()
    {
        var hub = await StartAsync(accept: true);
        var query = hub.OidcQuery(new OidcIdToken { IssuedAt = hub.Now }.Build(), vouchedByHub: [new("middle_name", "Eve")]);

        await AssertRefusedAsync(hub, query);
    }

    [Test]
    public async Task WithoutVouchedClaims_AnIdTokenLackingTheDataset_IsStillRefusedAsBefore()
    {
        var hub = await StartAsync(accept: true);
        var query = hub.OidcQuery(Token(hub, SignedFamilyNameOnly));

        var answer = await hub.ValidateAsync(await hub.SendAsync(hub.Compose(query)), query.Id);

        Assert.That((answer.Outcome, answer.StatusMessage), Is.EqualTo((MatchingServiceOutcome.RequesterError, "VS5017")));
    }

    private async Task<TestHub> StartAsync(bool accept)
    {
        _host = await MatchingServiceHost.StartAsync(configure: options => options with
        {
            OidcIdps = [.. options.OidcIdps.Select(idp => idp with { AcceptHubVouchedClaims = accept })],
        });
        _hub = new TestHub(_host);
        return _hub;
    }

    private static string Token(TestHub hub, IReadOnlyDictionary<string, string> claims) =>
        new OidcIdToken { IssuedAt = hub.Now, StandardClaims = claims }.Build();

    private async Task AssertRefusedAsync(TestHub hub, MatchingQuery query)
    {
        var answer = await hub.ValidateAsync(await hub.SendAsync(hub.Compose(query)), query.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.RequesterError));
            Assert.That(answer.StatusMessage, Is.EqualTo("VM1013"));
            Assert.That(answer.Assertion, Is.Null);
            Assert.That(await _host!.Store!.CountLinksAsync(), Is.Zero);
        });
    }
}
