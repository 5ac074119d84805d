using Verify.MatchingService.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Validation;

namespace Verify.MatchingService.Tests.Soap;

/// <summary>Every answer a matching service gives the hub, through the real host and the hub's own validator.</summary>
public sealed class OutcomeTests
{
    private MatchingServiceHost _host = null!;
    private TestHub _hub = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _host = await MatchingServiceHost.StartAsync();
        _hub = new TestHub(_host);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _hub.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task NoRecord_AnswersNoMatch_AndLinksNothing()
    {
        var alice = _hub.Idp(idp => idp with { Pid = "pid-alice", Dataset = People.Alice });

        var answer = await _hub.AskAsync(_hub.Query(alice), Parties.HashedPid("pid-alice"));

        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.NoMatch));
            Assert.That(answer.Assertion, Is.Null);
            Assert.That(await _host.Store!.CountLinksAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task TwoCandidateRecords_AnswerNoMatch_NeverAGuess()
    {
        var jane = _hub.Idp(idp => idp with { Pid = "pid-jane", Dataset = People.Jane });

        var answer = await _hub.AskAsync(_hub.Query(jane));

        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.NoMatch));
            Assert.That(await _host.Store!.CountLinksAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task Cycle3_AfterANoMatch_MatchesOnTheCorroboratedIdentifier_AndLinksIt()
    {
        var moved = _hub.Idp(idp => idp with { Dataset = People.RobertMoved });
        var first = _hub.Query(moved);
        Assert.That((await _hub.AskAsync(first)).Outcome, Is.EqualTo(MatchingServiceOutcome.NoMatch), "cycle 1 misses a move");

        var cycle3 = first with { Id = SamlIds.NewId(), Cycle3 = new Cycle3Value("NationalInsuranceNumber", "AB 12 34 56 C") };
        var answer = await _hub.AskAsync(cycle3, Parties.HashedPid(moved.Pid));

        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.Match));
            Assert.That(await _host.Store!.LinkedRecordAsync(Parties.HashedPid(moved.Pid)), Is.EqualTo("R-ROBERT"));
        });
    }

    [Test]
    public async Task Cycle3_WithAnotherPersonsIdentifier_AnswersNoMatch()
    {
        // Jane knows Robert's NINO; it is not corroborated by her date of birth.
        var jane = _hub.Idp(idp => idp with { Pid = "pid-jane", Dataset = People.Jane });
        var query = _hub.Query(jane) with { Cycle3 = new Cycle3Value("NationalInsuranceNumber", People.RobertNino) };

        Assert.That((await _hub.AskAsync(query)).Outcome, Is.EqualTo(MatchingServiceOutcome.NoMatch));
    }

    [Test]
    public async Task AccountCreation_CreatesARecord_LinksIt_AndReturnsTheAttributesAskedFor()
    {
        var alice = _hub.Idp(idp => idp with { Pid = "pid-alice", Dataset = People.Alice });
        var match = _hub.Query(alice);
        await _hub.AskAsync(match);
        var recordsBefore = await _host.Store!.CountRecordsAsync();

        var creation = _hub.AccountCreation(
            match,
            AccountCreationAttributeNames.FirstName,
            AccountCreationAttributeNames.FirstNameVerified,
            AccountCreationAttributeNames.Surname,
            AccountCreationAttributeNames.DateOfBirth,
            AccountCreationAttributeNames.CurrentAddress,
            AccountCreationAttributeNames.AddressHistory,
            AccountCreationAttributeNames.MiddleName);
        var answer = await _hub.AskAsync(creation, Parties.HashedPid("pid-alice"));

        var attributes = answer.Attributes.ToDictionary(a => a.Name);
        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.AccountCreated));
            Assert.That(answer.HashedPid, Is.EqualTo(Parties.HashedPid("pid-alice")));
            Assert.That(await _host.Store.CountRecordsAsync(), Is.EqualTo(recordsBefore + 1));
            Assert.That(await _host.Store.CountLinksAsync(), Is.EqualTo(1));
            Assert.That(((PersonNameValue)attributes["firstname"].Values[0]).Value, Is.EqualTo("Alice"));
            Assert.That(((StringValue)attributes["firstname_verified"].Values[0]).Value, Is.EqualTo("true"));
            Assert.That(((PersonNameValue)attributes["surname"].Values[0]).Value, Is.EqualTo("Walker"));
            Assert.That(((DateValue)attributes["dateofbirth"].Values[0]).Value, Is.EqualTo(new DateOnly(1990, 6, 15)));
            Assert.That(((AddressValue)attributes["currentaddress"].Values[0]).PostCode, Is.EqualTo("CF10 1AA"));
            Assert.That(attributes["addresshistory"].Values, Has.Count.EqualTo(1));
            Assert.That(attributes, Does.Not.ContainKey("middlename"), "Alice has no middle name: the attribute is left out");
        });

        // The new account is found in cycle 0 next time.
        Assert.That((await _hub.AskAsync(_hub.Query(alice))).Outcome, Is.EqualTo(MatchingServiceOutcome.Match));
    }

    [Test]
    public async Task AccountCreation_WithoutVerifiedValues_AnswersCreateFailure()
    {
        var unverified = People.Alice with { FirstNames = [new PersonNameValue { Value = "Alice", Verified = false }] };
        var alice = _hub.Idp(idp => idp with { Pid = "pid-alice", Dataset = unverified });
        var creation = _hub.AccountCreation(_hub.Query(alice), AccountCreationAttributeNames.FirstName);

        var answer = await _hub.AskAsync(creation);

        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.AccountCreationFailed));
            Assert.That(await _host.Store!.CountLinksAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task HealthCheck_AnswersHealthy_WithoutAnAssertion()
    {
        var id = SamlIds.NewId();

        var answer = await _hub.ValidateAsync(await _hub.SendAsync(_hub.HealthCheck(id)), id);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.Healthy));
            Assert.That(answer.Assertion, Is.Null);
        });
    }

    [Test]
    public async Task MatchAssertion_IsAddressedToTheRp_AndConfirmedForItsRequest()
    {
        var query = _hub.Query();

        var assertion = (await _hub.AskAsync(query)).Assertion!;

        var bearer = assertion.Subject!.SubjectConfirmations.Single().Data!;
        Assert.Multiple(() =>
        {
            Assert.That(assertion.Issuer.Value, Is.EqualTo(Parties.MatchingServiceEntityId));
            Assert.That(assertion.Conditions!.AudienceRestrictions.Single(), Does.Contain(Parties.RpEntityId));
            Assert.That(bearer.Recipient, Is.EqualTo(Parties.RpAcsUrl));
            Assert.That(bearer.InResponseTo, Is.EqualTo(query.AuthnRequestId));
            Assert.That(assertion.Subject.NameId!.Format, Is.EqualTo(NameIdFormats.Persistent));
        });
    }
}
