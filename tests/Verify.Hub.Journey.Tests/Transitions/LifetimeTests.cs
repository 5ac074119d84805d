using Verify.Hub.Journey.Model;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Transitions;

/// <summary>
/// How long a journey lives: minutes before an IDP (a flood of AuthnRequests cannot fill the store), Verify's
/// session length after, minutes once finished, never beyond the session.
/// </summary>
public sealed class LifetimeTests
{
    [Test]
    public void Start_ExpiresAfterThePreIdpLifetime()
    {
        var machine = Machine(Clock());

        var journey = machine.Start(NonMatchingRp());

        Assert.That(journey.ExpiresAt, Is.EqualTo(StartTime + TimeSpan.FromMinutes(5)));
        Assert.That((journey.Version, journey.HasReachedIdp, journey.Intent), Is.EqualTo((0L, false, (JourneyIntent?)null)));
    }

    [Test]
    public void CitizensStepBeforeTheIdp_SlidesThePreIdpLifetime()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var journey = machine.Start(NonMatchingRp());
        clock.Advance(TimeSpan.FromMinutes(4));

        var declared = machine.DeclareIntent(journey, JourneyIntent.SignIn);

        Assert.That(declared.ExpiresAt, Is.EqualTo(StartTime + TimeSpan.FromMinutes(9)));
        Assert.That(declared.UpdatedAt, Is.EqualTo(StartTime + TimeSpan.FromMinutes(4)));
    }

    [Test]
    public void SelectIdp_ExtendsToTheSessionFromTheJourneysStart()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var journey = machine.Start(NonMatchingRp());
        clock.Advance(TimeSpan.FromMinutes(3));

        var selected = machine.SelectIdp(journey, new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), Availability());

        Assert.That(selected.ExpiresAt, Is.EqualTo(StartTime + TimeSpan.FromMinutes(150)));
        Assert.That(selected.HasReachedIdp, Is.True);
    }

    [Test]
    public void FinishedJourney_KeepsItsOutcomeOnlyBriefly()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var selected = machine.SelectIdp(
            machine.Start(NonMatchingRp()), new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), Availability());
        clock.Advance(TimeSpan.FromMinutes(20));

        var done = machine.IdpAuthnSucceeded(selected, IdpAnswer(), Identity());

        Assert.That(done.ExpiresAt, Is.EqualTo(StartTime + TimeSpan.FromMinutes(25)));
    }

    [Test]
    public void NoStep_ExtendsBeyondTheSession()
    {
        var clock = Clock();
        var machine = Machine(clock);
        var selected = machine.SelectIdp(
            machine.Start(NonMatchingRp()), new IdpSelection(IdpA, JourneyIntent.SignIn, AuthnRequestId), Availability());
        clock.Advance(TimeSpan.FromMinutes(148));

        var done = machine.IdpAuthnSucceeded(selected, IdpAnswer(), Identity());

        Assert.That(done.ExpiresAt, Is.EqualTo(StartTime + TimeSpan.FromMinutes(150)));
    }

    [Test]
    public void Lifetimes_AreConfigurable()
    {
        var machine = Machine(Clock(), new JourneyOptions { PreIdpLifetime = TimeSpan.FromMinutes(2) });

        Assert.That(machine.Start(NonMatchingRp()).ExpiresAt, Is.EqualTo(StartTime + TimeSpan.FromMinutes(2)));
    }

    [Test]
    public void Options_RefuseNonPositiveOrInconsistentLifetimes()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => new JourneyOptions { PreIdpLifetime = TimeSpan.Zero }.Validate());
            Assert.Throws<ArgumentException>(() => new JourneyOptions { TimeoutRetention = TimeSpan.FromSeconds(-1) }.Validate());
            Assert.Throws<ArgumentException>(() =>
                new JourneyOptions { SessionLifetime = TimeSpan.FromMinutes(1), PreIdpLifetime = TimeSpan.FromMinutes(5) }.Validate());
            Assert.Throws<ArgumentException>(() => Machine(Clock(), new JourneyOptions { FinishedLifetime = TimeSpan.Zero }));
        });
    }
}
