using Verify.Matching.Engine;
using Verify.Matching.Requests;
using Verify.Matching.Tests.Support;

namespace Verify.Matching.Tests.Engine;

/// <summary>Break one thing in a valid request; expect one error naming the field.</summary>
public sealed class MatchRequestValidatorTests
{
    private static readonly MatchRequest Valid = Identity.Of(People.Robert).Cycle1();

    private static IEnumerable<TestCaseData> Breakages()
    {
        var dataset = Valid.MatchingDataset!;
        yield return Case("matchId", Valid with { MatchId = null });
        yield return Case("hashedPid", Valid with { HashedPid = " " });
        yield return Case("hashedPid", Valid with { HashedPid = new string('a', 257) });
        yield return Case("levelOfAssurance", Valid with { LevelOfAssurance = "LEVEL_X" });
        yield return Case("levelOfAssurance", Valid with { LevelOfAssurance = "level_2" });
        yield return Case("matchingDataset", Valid with { MatchingDataset = null });
        yield return Case("matchingDataset.firstName", Valid with { MatchingDataset = dataset with { FirstName = null } });
        yield return Case("matchingDataset.firstName", Valid with { MatchingDataset = dataset with { FirstName = new MdsValue<string> { Value = "--" } } });
        yield return Case("matchingDataset.surnames", Valid with { MatchingDataset = dataset with { Surnames = [] } });
        yield return Case("matchingDataset.surnames[0]", Valid with { MatchingDataset = dataset with { Surnames = [new MdsValue<string> { Value = new string('x', 129) }] } });
        yield return Case("matchingDataset.dateOfBirth", Valid with { MatchingDataset = dataset with { DateOfBirth = null } });
        yield return Case("matchingDataset.addresses", Valid with { MatchingDataset = dataset with { Addresses = [.. Enumerable.Repeat(dataset.Addresses![0], 21)] } });
        yield return Case("matchingDataset.addresses[0].lines", Valid with { MatchingDataset = dataset with { Addresses = [dataset.Addresses![0] with { Lines = [.. Enumerable.Repeat("x", 9)] }] } });
        yield return Case("cycle3Dataset.attributes", Valid with { Cycle3Dataset = new Cycle3Dataset() });
    }

    private static TestCaseData Case(string field, MatchRequest request) => new TestCaseData(request, field).SetArgDisplayNames(field);

    [Test]
    public void ValidRequest_IsValid()
    {
        var validation = new MatchRequestValidator(new MatchingOptions()).Validate(Valid);

        Assert.Multiple(() =>
        {
            Assert.That(validation.IsValid, Is.True);
            Assert.That(validation.Errors, Is.Empty);
            Assert.That(validation.IsCycle3, Is.False);
        });
    }

    [TestCaseSource(nameof(Breakages))]
    public void BrokenRequest_IsInvalid_WithOneErrorNamingTheField(MatchRequest request, string field)
    {
        var validation = new MatchRequestValidator(new MatchingOptions()).Validate(request);

        Assert.Multiple(() =>
        {
            Assert.That(validation.IsValid, Is.False);
            Assert.That(validation.Errors, Has.Count.EqualTo(1));
            Assert.That(validation.Errors[0], Does.StartWith(field + ":"));
        });
    }

    [Test]
    public void NullRequest_IsInvalid()
    {
        Assert.That(new MatchRequestValidator(new MatchingOptions()).Validate(null).IsValid, Is.False);
    }
}
