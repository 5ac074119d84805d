using Verify.Matching.Engine;
using Verify.Matching.Requests;
using Verify.Matching.Storage;
using Verify.Matching.Tests.Support;

namespace Verify.Matching.Tests.Engine;

/// <summary>Account creation from verified attributes, on every provider.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class AccountCreationTests(MatchingProvider provider) : StoreTestBase(provider)
{
    private static readonly Identity Newcomer = new("Aoife", ["Byrne"], new DateOnly(1990, 6, 15), [People.Address("3 Quay Street", "Cardiff", "CF10 1EU")]);

    private static AccountCreationRequest Request(MatchingDataset dataset, string pid = "pid-newcomer") =>
        new() { HashedPid = pid, LevelOfAssurance = "LEVEL_2", MatchingDataset = dataset };

    [Test]
    public async Task VerifiedAttributes_CreateARecordLinkedToThePid()
    {
        Options = new MatchingOptions { NewRecordId = () => "R-NEW-1" };
        var engine = NewEngine();

        var created = await engine.CreateAccountAsync(Request(Newcomer.Dataset()));
        var cycle0 = await engine.MatchAsync(Newcomer.Cycle1(hashedPid: "pid-newcomer"));
        var cycle1 = await engine.MatchAsync(Newcomer.Cycle1(hashedPid: "pid-from-another-idp"));

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(new AccountCreationResult(true, "R-NEW-1", null)));
            Assert.That(cycle0.Cycle, Is.EqualTo(MatchCycle.Cycle0));
            Assert.That(cycle0.RecordId, Is.EqualTo("R-NEW-1"));
            Assert.That(cycle1.Cycle, Is.EqualTo(MatchCycle.Cycle1));
            Assert.That(cycle1.RecordId, Is.EqualTo("R-NEW-1"));
        });
    }

    [Test]
    public async Task UnverifiedBirthDate_FailsAndWritesNothing()
    {
        var dataset = Newcomer.Dataset() with { DateOfBirth = new MdsValue<DateOnly> { Value = Newcomer.DateOfBirth, Verified = false } };

        var result = await NewEngine().CreateAccountAsync(Request(dataset));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Failure, Does.Contain("verified"));
        });
        Assert.That(await Store.CountRecordsAsync(), Is.Zero);
    }

    [Test]
    public async Task UnverifiedAddress_IsNotWritten()
    {
        var dataset = Newcomer.Dataset() with { Addresses = [.. Newcomer.Dataset().Addresses!.Select(a => a with { Verified = false })] };
        var engine = NewEngine();

        await engine.CreateAccountAsync(Request(dataset));
        var cycle1 = await engine.MatchAsync(Newcomer.Cycle1(hashedPid: "pid-from-another-idp"));

        Assert.That(cycle1.IsMatch, Is.False, "without the address the new record cannot match in cycle 1");
    }

    [Test]
    public async Task PidAlreadyLinked_Fails()
    {
        var engine = NewEngine();
        await engine.CreateAccountAsync(Request(Newcomer.Dataset()));

        var second = await engine.CreateAccountAsync(Request(Newcomer.Dataset()));
        var records = await Store.CountRecordsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Succeeded, Is.False);
            Assert.That(records, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task LevelX_Fails()
    {
        var result = await NewEngine().CreateAccountAsync(Request(Newcomer.Dataset()) with { LevelOfAssurance = "LEVEL_X" });

        Assert.That(result.Succeeded, Is.False);
    }
}
