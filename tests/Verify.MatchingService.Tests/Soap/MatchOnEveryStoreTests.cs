using Verify.Matching.Storage;
using Verify.MatchingService.Tests.Support;
using Verify.Saml.Validation;

namespace Verify.MatchingService.Tests.Soap;

/// <summary>The hub's query matched through the reference engine, on each records store (SQLite and PostgreSQL).</summary>
[TestFixture(MatchingProvider.Sqlite)]
[TestFixture(MatchingProvider.Postgres)]
public sealed class MatchOnEveryStoreTests(MatchingProvider provider)
{
    [Test]
    public async Task Cycle1Match_AnswersMatchWithTheHashedPid_AndLinksIt()
    {
        await using var host = await MatchingServiceHost.StartAsync(provider);
        using var hub = new TestHub(host);
        var hashedPid = Parties.HashedPid("pid-robert-at-idp-one");

        var answer = await hub.AskAsync(hub.Query(), hashedPid);

        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.Match));
            Assert.That(answer.HashedPid, Is.EqualTo(hashedPid));
            Assert.That(answer.AuthnContextClassRef, Is.EqualTo(Verify.Saml.Saml.AuthnContexts.Level2));
            Assert.That(answer.Assertion!.Source, Is.Not.Null, "the verified element, for end-to-end relaying");
            Assert.That(await host.Store!.LinkedRecordAsync(hashedPid), Is.EqualTo("R-ROBERT"));
        });
    }

    [Test]
    public async Task Cycle0_AfterALink_MatchesEvenWhenTheDatasetNoLongerDoes()
    {
        await using var host = await MatchingServiceHost.StartAsync(provider);
        using var hub = new TestHub(host);
        await hub.AskAsync(hub.Query());

        // Robert moved since: cycle 1 would miss him, but his hashed PID is linked.
        var moved = hub.Idp(idp => idp with { Dataset = People.RobertMoved });
        var answer = await hub.AskAsync(hub.Query(moved), Parties.HashedPid(moved.Pid));

        Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.Match));
    }
}
