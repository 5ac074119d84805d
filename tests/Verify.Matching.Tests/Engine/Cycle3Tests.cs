using Verify.Matching.Engine;
using Verify.Matching.Records;
using Verify.Matching.Storage;
using Verify.Matching.Tests.Support;

namespace Verify.Matching.Tests.Engine;

/// <summary>Cycle 3: an identifier the citizen typed, corroborated by the matching dataset, on every provider.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class Cycle3Tests(MatchingProvider provider) : StoreTestBase(provider)
{
    private const string Nino = IdentifierTypes.NationalInsuranceNumber;

    // Robert after a move the department does not know about: cycle 1 cannot match him.
    private static Identity MovedRobert => Identity.Of(People.Robert) with { Addresses = [People.Address("1 New Road", "Hull", "HU1 1AA")] };

    [SetUp]
    public async Task AddRobertAndMargaret()
    {
        await AddAsync(People.Robert, People.Margaret);
    }

    [Test]
    public async Task CorroboratedByBirthDateAndSurname_Matches()
    {
        var engine = NewEngine();
        Assert.That((await engine.MatchAsync(MovedRobert.Cycle1())).IsMatch, Is.False, "cycle 1 precondition");

        var result = await engine.MatchAsync(MovedRobert.Cycle3(Nino, People.RobertNino));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(MatchOutcome.Match));
            Assert.That(result.Cycle, Is.EqualTo(MatchCycle.Cycle3));
            Assert.That(result.RecordId, Is.EqualTo("R-ROBERT"));
        });
    }

    [Test]
    public async Task CorroboratedByBirthDateAndAddress_AfterAChangeOfSurname_Matches()
    {
        var married = Identity.Of(People.Robert) with { Surnames = ["Jones"] };

        var result = await NewEngine().MatchAsync(married.Cycle3(Nino, People.RobertNino));

        Assert.That(result.RecordId, Is.EqualTo("R-ROBERT"));
    }

    [TestCase("ab 12 34 56 c")]
    [TestCase("AB123456")]
    [TestCase("AB-12-34-56-D", TestName = "CorroboratedNino_MatchesWhateverTheSuffix")]
    public async Task CorroboratedNino_MatchesInAnyLayout(string typed)
    {
        Assert.That((await NewEngine().MatchAsync(MovedRobert.Cycle3(Nino, typed))).RecordId, Is.EqualTo("R-ROBERT"));
    }

    [Test]
    public async Task CorroboratedDrivingLicenceWithIssueNumber_Matches()
    {
        var result = await NewEngine().MatchAsync(MovedRobert.Cycle3(IdentifierTypes.DrivingLicenceNumber, "smith 810030 rj9ab 02"));

        Assert.That(result.RecordId, Is.EqualTo("R-ROBERT"));
    }

    [Test]
    public async Task FirstNameWithOneTypo_Matches()
    {
        var result = await NewEngine().MatchAsync((MovedRobert with { FirstName = "Robret" }).Cycle3(Nino, People.RobertNino));

        Assert.That(result.RecordId, Is.EqualTo("R-ROBERT"));
    }

    [Test]
    public async Task HouseholdMember_TypingPartnersNino_DoesNotMatch()
    {
        // Robert, at the same address with a surname part in common, types Margaret's NINO: her birth date is not his.
        var result = await NewEngine().MatchAsync(Identity.Of(People.Robert).Cycle3(Nino, People.MargaretNino));

        Assert.That(result.Outcome, Is.EqualTo(MatchOutcome.NoMatch));
    }

    [Test]
    public async Task Twin_TypingSiblingsNino_DoesNotMatch()
    {
        var twin = Identity.Of(People.Robert) with { FirstName = "Richard", MiddleNames = null };

        Assert.That((await NewEngine().MatchAsync(twin.Cycle3(Nino, People.RobertNino))).IsMatch, Is.False);
    }

    [Test]
    public async Task DayAndMonthSwapped_DoesNotMatch()
    {
        var swapped = MovedRobert with { DateOfBirth = new DateOnly(1980, 3, 10) };

        Assert.That((await NewEngine().MatchAsync(swapped.Cycle3(Nino, People.RobertNino))).IsMatch, Is.False);
    }

    [Test]
    public async Task NeitherSurnameNorAddressInCommon_DoesNotMatch()
    {
        var stranger = MovedRobert with { Surnames = ["Jones"] };

        Assert.That((await NewEngine().MatchAsync(stranger.Cycle3(Nino, People.RobertNino))).IsMatch, Is.False);
    }

    [Test]
    public async Task MistypedNino_DoesNotMatch()
    {
        Assert.That((await NewEngine().MatchAsync(MovedRobert.Cycle3(Nino, "AB 12 34 5"))).Outcome, Is.EqualTo(MatchOutcome.NoMatch));
    }

    [Test]
    public async Task SameNinoOnTwoCorroboratedRecords_IsMultipleCandidatesAndNoMatch()
    {
        await AddAsync(People.Robert with { RecordId = "R-ROBERT-COPY" });

        var result = await NewEngine().MatchAsync(MovedRobert.Cycle3(Nino, People.RobertNino));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(MatchOutcome.MultipleCandidates));
            Assert.That(result.RecordId, Is.Null);
        });
    }

    [Test]
    public async Task AttemptsBeyondTheCap_AreRefusedEvenWithTheRightNino()
    {
        Options = new MatchingOptions { MaxCycle3Attempts = 2 };
        var engine = NewEngine();
        await engine.MatchAsync(MovedRobert.Cycle3(Nino, "CE000000A"));
        await engine.MatchAsync(MovedRobert.Cycle3(Nino, "CE000001A"));

        var third = await engine.MatchAsync(MovedRobert.Cycle3(Nino, People.RobertNino));
        var otherJourney = await engine.MatchAsync(MovedRobert.Cycle3(Nino, People.RobertNino, matchId: "match-2"));

        Assert.Multiple(() =>
        {
            Assert.That(third.Outcome, Is.EqualTo(MatchOutcome.Cycle3AttemptsExhausted));
            Assert.That(otherJourney.RecordId, Is.EqualTo("R-ROBERT"));
        });
    }

    [Test]
    public void IdentifierTypeNotConfigured_IsAnInvalidRequest()
    {
        var request = MovedRobert.Cycle3("CICAEmailAddress", "someone@example.org");

        Assert.That(async () => await NewEngine().MatchAsync(request), Throws.TypeOf<InvalidMatchRequestException>());
    }
}
