using Verify.Matching.Engine;
using Verify.Matching.Storage;
using Verify.Matching.Tests.Support;

namespace Verify.Matching.Tests.Engine;

/// <summary>Cycle 0 (a linked hashed PID) and linking, on every provider.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class Cycle0AndLinkTests(MatchingProvider provider) : StoreTestBase(provider)
{
    [SetUp]
    public async Task AddRobertAndMargaret()
    {
        await AddAsync(People.Robert, People.Margaret);
    }

    [Test]
    public async Task LinkedPid_MatchesInCycle0_WhateverTheDataset()
    {
        var engine = NewEngine();
        Assert.That(await engine.LinkAsync(Identity.HashedPid, "R-ROBERT", "LEVEL_2"), Is.EqualTo(LinkResult.Linked));

        var moved = Identity.Of(People.Robert) with { Addresses = [People.Address("1 New Road", "Hull", "HU1 1AA")] };
        var result = await engine.MatchAsync(moved.Cycle1());

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(MatchOutcome.Match));
            Assert.That(result.Cycle, Is.EqualTo(MatchCycle.Cycle0));
            Assert.That(result.RecordId, Is.EqualTo("R-ROBERT"));
        });
    }

    [Test]
    public async Task UnlinkedPid_FallsThroughToCycle1()
    {
        var result = await NewEngine().MatchAsync(Identity.Of(People.Robert).Cycle1(hashedPid: "another-pid"));

        Assert.That(result.Cycle, Is.EqualTo(MatchCycle.Cycle1));
    }

    [Test]
    public async Task LinkingTwice_ToTheSameRecord_IsAlreadyLinked()
    {
        var engine = NewEngine();
        await engine.LinkAsync(Identity.HashedPid, "R-ROBERT", "LEVEL_2");

        Assert.That(await engine.LinkAsync(Identity.HashedPid, "R-ROBERT", "LEVEL_2"), Is.EqualTo(LinkResult.AlreadyLinked));
    }

    [Test]
    public async Task LinkingALinkedPid_ToAnotherRecord_IsRefusedAndTheLinkStays()
    {
        var engine = NewEngine();
        await engine.LinkAsync(Identity.HashedPid, "R-ROBERT", "LEVEL_2");

        var result = await engine.LinkAsync(Identity.HashedPid, "R-MARGARET", "LEVEL_2");
        var margaretWithRobertsPid = await engine.MatchAsync(Identity.Of(People.Margaret).Cycle1());

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(LinkResult.LinkedToAnotherRecord));
            Assert.That(margaretWithRobertsPid.RecordId, Is.EqualTo("R-ROBERT"));
        });
    }

    [Test]
    public async Task LinkingToAMissingRecord_IsRecordNotFound()
    {
        Assert.That(await NewEngine().LinkAsync(Identity.HashedPid, "R-NOBODY", "LEVEL_2"), Is.EqualTo(LinkResult.RecordNotFound));
    }

    [Test]
    public async Task OneRecord_MayHaveAPidPerIdp()
    {
        var engine = NewEngine();
        await engine.LinkAsync("pid-from-idp-a", "R-ROBERT", "LEVEL_2");

        Assert.That(await engine.LinkAsync("pid-from-idp-b", "R-ROBERT", "LEVEL_2"), Is.EqualTo(LinkResult.Linked));
    }
}
