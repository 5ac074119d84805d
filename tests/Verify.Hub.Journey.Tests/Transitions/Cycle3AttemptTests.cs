using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Transitions;

/// <summary>
/// A cycle 3 no-match gives the citizen another go while the journey has attempts left (a mistyped identifier), then
/// the RP's next step: account creation, else NoMatch.
/// </summary>
public sealed class Cycle3AttemptTests
{
    private static readonly string[] VerifysNames =
    [
        "DrivingLicenceNumber", "NationalInsuranceNumber", "SaUniqueTaxpayerReference", "sbiPiVendorNo",
        "LandRegistryBorrowerReference", "CICAEmailAddress",
    ];

    [Test]
    public void NoMatchInCycle3_AsksAgainUntilTheAttemptsAreUsed()
    {
        var clock = Clock();
        var machine = Machine(clock, new JourneyOptions { MaxCycle3Attempts = 2 });
        var journey = JourneyIn(new AwaitingCycle3DataState(SelectedIdpA(), Identity(), 0), MatchingRp(accountCreation: false));

        var first = machine.Cycle3DataSubmitted(journey, "AB123456C", "_c3-1");
        var again = machine.NoMatchFound(first, MatchingAnswer("_c3-1"), "_unused-1");
        var second = machine.Cycle3DataSubmitted(again, "AB123456D", "_c3-2");
        var done = machine.NoMatchFound(second, MatchingAnswer("_c3-2"), "_unused-2");

        Assert.Multiple(() =>
        {
            Assert.That(((Cycle3MatchRequestSentState)first.State).Attempt, Is.EqualTo(1));
            Assert.That(((AwaitingCycle3DataState)again.State).Attempts, Is.EqualTo(1));
            Assert.That(((Cycle3MatchRequestSentState)second.State).Attempt, Is.EqualTo(2));
            Assert.That(done.State, Is.TypeOf<NoMatchState>());
        });
    }

    [Test]
    public void LastCycle3NoMatch_GoesToAccountCreationWhenTheRpCreatesAccounts()
    {
        var machine = Machine(Clock(), new JourneyOptions { MaxCycle3Attempts = 1 });
        var journey = JourneyIn(new AwaitingCycle3DataState(SelectedIdpA(), Identity(), 0), MatchingRp());

        var sent = machine.Cycle3DataSubmitted(journey, "AB123456C", "_c3-1");
        var next = machine.NoMatchFound(sent, MatchingAnswer("_c3-1"), FollowUpRequestId);

        Assert.That(((UserAccountCreationRequestSentState)next.State).Cycle3Value, Is.EqualTo("AB123456C"));
    }

    [TestCase(Cycle3Attributes.NationalInsuranceNumber, "ab 12 34 56 c", "AB123456C")]
    [TestCase(Cycle3Attributes.NationalInsuranceNumber, "AB-123456-C", "AB123456C")]
    [TestCase(Cycle3Attributes.DrivingLicenceNumber, "morga 657054 sm9ij", "MORGA657054SM9IJ")]
    [TestCase(Cycle3Attributes.SaUniqueTaxpayerReference, "12345 67890", "1234567890")]
    [TestCase(Cycle3Attributes.SbiPiVendorNo, "106123456", "106123456")]
    [TestCase(Cycle3Attributes.LandRegistryBorrowerReference, "ab12cd", "AB12CD")]
    [TestCase(Cycle3Attributes.CicaEmailAddress, " someone@example.com ", "someone@example.com")]
    public void WellFormedValue_IsNormalised(string name, string input, string expected)
    {
        Assert.That(Cycle3Attributes.TryNormalise(name, input, out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase(Cycle3Attributes.NationalInsuranceNumber, "")]
    [TestCase(Cycle3Attributes.NationalInsuranceNumber, "12345")]
    [TestCase(Cycle3Attributes.NationalInsuranceNumber, "QQ123456C")]
    [TestCase(Cycle3Attributes.NationalInsuranceNumber, "GB123456A")]
    [TestCase(Cycle3Attributes.NationalInsuranceNumber, "AB123456E")]
    [TestCase(Cycle3Attributes.DrivingLicenceNumber, "MORGA657054SM9I")]
    [TestCase(Cycle3Attributes.SaUniqueTaxpayerReference, "123456789")]
    [TestCase(Cycle3Attributes.CicaEmailAddress, "not an email")]
    [TestCase("FavouriteColour", "blue")]
    public void MalformedValue_IsRefused(string name, string input) =>
        Assert.That(Cycle3Attributes.TryNormalise(name, input, out _), Is.False);

    [Test]
    public void KnownNames_AreVerifysSix() =>
        Assert.That(Cycle3Attributes.Names, Is.EquivalentTo(VerifysNames));
}
