using Verify.Matching.Engine;
using Verify.Matching.Storage;
using Verify.Matching.Tests.Support;

namespace Verify.Matching.Tests.Engine;

/// <summary>Cycle 1: the matching dataset against the records, on every provider.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class Cycle1Tests(MatchingProvider provider) : StoreTestBase(provider)
{
    private static Identity Robert => Identity.Of(People.Robert);

    [SetUp]
    public async Task AddRobertAndMargaret()
    {
        await AddAsync(People.Robert, People.Margaret);
    }

    private async Task<MatchResult> MatchAsync(Identity identity) => await NewEngine().MatchAsync(identity.Cycle1());

    private static void AssertMatches(MatchResult result, string recordId)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(MatchOutcome.Match));
            Assert.That(result.Cycle, Is.EqualTo(MatchCycle.Cycle1));
            Assert.That(result.RecordId, Is.EqualTo(recordId));
        });
    }

    private static void AssertNoMatch(MatchResult result)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(MatchOutcome.NoMatch));
            Assert.That(result.RecordId, Is.Null);
        });
    }

    [Test]
    public async Task SameIdentity_Matches() => AssertMatches(await MatchAsync(Robert), "R-ROBERT");

    [Test]
    public async Task Nickname_Matches() => AssertMatches(await MatchAsync(Robert with { FirstName = "Bob" }), "R-ROBERT");

    [Test]
    public async Task TitleCaseAndSpacing_Match() =>
        AssertMatches(await MatchAsync(Robert with { FirstName = "DR. ROBERT", Surnames = ["  SMITH "] }), "R-ROBERT");

    [Test]
    public async Task MissingMiddleNames_Match() => AssertMatches(await MatchAsync(Robert with { MiddleNames = null }), "R-ROBERT");

    [Test]
    public async Task AccentsHyphensAndNicknameTogether_Match() =>
        AssertMatches(await MatchAsync(Identity.Of(People.Margaret) with { FirstName = "Peggy", Surnames = ["SMITH JONES"] }), "R-MARGARET");

    [Test]
    public async Task RecordsPreviousSurname_Matches() =>
        AssertMatches(await MatchAsync(Identity.Of(People.Margaret) with { Surnames = ["O Suilleabhain"] }), "R-MARGARET");

    [Test]
    public async Task AssertedPreviousSurname_Matches() =>
        AssertMatches(await MatchAsync(Robert with { Surnames = ["Brown", "Smith"] }), "R-ROBERT");

    [Test]
    public async Task OnePartOfADoubleBarrelledSurname_Matches() =>
        AssertMatches(await MatchAsync(Identity.Of(People.Margaret) with { Surnames = ["Jones"] }), "R-MARGARET");

    [Test]
    public async Task NewDoubleBarrelledSurname_ContainingTheRecordedOne_Matches() =>
        AssertMatches(await MatchAsync(Robert with { Surnames = ["Smith-Brown"] }), "R-ROBERT");

    [Test]
    public async Task AnotherDoubleBarrelledSurname_SharingOnlyOnePart_DoesNotMatch() =>
        AssertNoMatch(await MatchAsync(Identity.Of(People.Margaret) with { Surnames = ["Smith-Brown"] }));

    [Test]
    public async Task RecordsPreviousAddress_Matches() =>
        AssertMatches(await MatchAsync(Robert with { Addresses = [People.MillLane] }), "R-ROBERT");

    [Test]
    public async Task AssertedPreviousAddress_MatchesAfterAMove() =>
        AssertMatches(await MatchAsync(Robert with { Addresses = [People.Address("1 New Road", "Hull", "HU1 1AA"), People.HighStreet] }), "R-ROBERT");

    [Test]
    public async Task PostcodeAndLineFormatting_Match() =>
        AssertMatches(await MatchAsync(Robert with { Addresses = [People.Address("14, HIGH ST.", "LEEDS", "ls14ab")] }), "R-ROBERT");

    [Test]
    public async Task Twin_SameSurnameBirthDateAndAddress_DifferentFirstName_DoesNotMatch() =>
        AssertNoMatch(await MatchAsync(Robert with { FirstName = "Richard" }));

    [Test]
    public async Task Son_WithFathersNameAtTheSameAddress_DifferentBirthDate_DoesNotMatch() =>
        AssertNoMatch(await MatchAsync(Robert with { DateOfBirth = new DateOnly(2006, 7, 19), MiddleNames = null }));

    [Test]
    public async Task Namesake_SameBirthDateElsewhere_DoesNotMatch() =>
        AssertNoMatch(await MatchAsync(Robert with { Addresses = [People.Address("9 Park Road", "Bristol", "BS1 5TR")] }));

    [Test]
    public async Task Namesake_SameBirthDateWithoutAddress_DoesNotMatch() =>
        AssertNoMatch(await MatchAsync(Robert with { Addresses = [] }));

    [Test]
    public async Task DayAndMonthSwapped_DoesNotMatch() =>
        AssertNoMatch(await MatchAsync(Robert with { DateOfBirth = new DateOnly(1980, 3, 10) }));

    [Test]
    public async Task OtherHouseInTheSamePostcode_DoesNotMatch() =>
        AssertNoMatch(await MatchAsync(Robert with { Addresses = [People.Address("16 High Street", "Leeds", "LS1 4AB")] }));

    [Test]
    public async Task SurnameTypo_DoesNotMatchInCycle1() =>
        AssertNoMatch(await MatchAsync(Robert with { Surnames = ["Smiht"] }));

    [Test]
    public async Task TwoRecordsForTheSamePerson_IsMultipleCandidatesAndNoMatch()
    {
        await AddAsync(People.Robert with { RecordId = "R-ROBERT-DUPLICATE", Identifiers = new Dictionary<string, string>() });

        var result = await MatchAsync(Robert);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(MatchOutcome.MultipleCandidates));
            Assert.That(result.IsMatch, Is.False);
            Assert.That(result.RecordId, Is.Null);
            Assert.That(result.CandidateCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Match_WritesNoLink()
    {
        await MatchAsync(Robert);

        Assert.That(await Store.CountLinksAsync(), Is.Zero);
    }
}
