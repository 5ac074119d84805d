using System.Text;

using Verify.Hub.Journey.Serialization;
using Verify.Hub.Journey.States;
using Verify.Hub.Journey.Tests.Support;

using static Verify.Hub.Journey.Tests.Support.Fixtures;

namespace Verify.Hub.Journey.Tests.Serialization;

/// <summary>The stored form: System.Text.Json, states by a stable discriminator, versioned, read strictly.</summary>
public sealed class JourneySerializerTests
{
    [TestCaseSource(typeof(Fixtures), nameof(AllStateNames))]
    public void EveryState_RoundTrips(string state)
    {
        var journey = JourneyIn(State(state), MatchingRp());

        var read = JourneySerializer.Deserialize(JourneySerializer.Serialize(journey));

        Assert.That(read.State, Is.EqualTo(journey.State));
        Assert.That(read.State.Name, Is.EqualTo(state));
        Assert.That((read.Id, read.Version, read.Rp, read.Intent, read.HasReachedIdp), Is.EqualTo((journey.Id, journey.Version, journey.Rp, journey.Intent, journey.HasReachedIdp)));
        Assert.That((read.CreatedAt, read.UpdatedAt, read.ExpiresAt), Is.EqualTo((journey.CreatedAt, journey.UpdatedAt, journey.ExpiresAt)));
    }

    [Test]
    public void StoredForm_HasSchemaDiscriminatorAndLevelNames()
    {
        var json = Json(JourneyIn(State("IdpSelected"), NonMatchingRp(L1, L2)));

        Assert.That(json, Does.StartWith("""{"schema":1,"journey":{"""));
        Assert.That(json, Does.Contain("""
            "state":{"state":"IdpSelected"
            """));
        Assert.That(json, Does.Contain("""
            "acceptedLevels":["LEVEL_1","LEVEL_2"]
            """));
        Assert.That(json, Does.Contain("""
            "intent":"Registration"
            """));
    }

    [Test]
    public void UnknownSchema_IsRefused()
    {
        var json = Json(JourneyIn(State("SessionStarted"))).Replace("\"schema\":1", "\"schema\":2", StringComparison.Ordinal);

        Assert.Throws<JourneyStoreException>(() => JourneySerializer.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Test]
    public void UnknownState_IsRefused()
    {
        var json = Json(JourneyIn(State("SessionStarted"))).Replace("\"SessionStarted\"", "\"Superuser\"", StringComparison.Ordinal);

        Assert.Throws<JourneyStoreException>(() => JourneySerializer.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Test]
    public void LevelXStoredAsALevel_IsRefused()
    {
        var json = Json(JourneyIn(State("NonMatchingJourneySuccess"), NonMatchingRp()))
            .Replace("\"level\":\"LEVEL_2\"", "\"level\":\"LEVEL_X\"", StringComparison.Ordinal);

        Assert.That(json, Does.Contain("LEVEL_X"));
        Assert.Throws<JourneyStoreException>(() => JourneySerializer.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Test]
    public void MissingRequiredField_IsRefused()
    {
        var json = Json(JourneyIn(State("IdpSelected"))).Replace("\"authnRequestId\"", "\"renamed\"", StringComparison.Ordinal);

        Assert.Throws<JourneyStoreException>(() => JourneySerializer.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [TestCase("")]
    [TestCase("null")]
    [TestCase("{}")]
    [TestCase("{\"schema\":1,\"journey\":{}}")]
    [TestCase("not json")]
    public void Garbage_IsRefused(string json)
    {
        Assert.Throws<JourneyStoreException>(() => JourneySerializer.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Test]
    public void UnknownExtraProperty_IsSkippedForRollingDeployments()
    {
        var json = Json(JourneyIn(State("SessionStarted"))).Replace("\"journey\":{", "\"journey\":{\"addedLater\":true,", StringComparison.Ordinal);

        Assert.That(JourneySerializer.Deserialize(Encoding.UTF8.GetBytes(json)).State, Is.TypeOf<SessionStartedState>());
    }

    [Test]
    public void UnknownTopLevelProperty_IsSkipped_AndContentAfterTheDocument_IsRefused()
    {
        var json = Json(JourneyIn(State("SessionStarted")));
        var withExtra = json.Replace("{\"schema\":1,", "{\"schema\":1,\"writtenBy\":{\"node\":[1,2]},", StringComparison.Ordinal);

        Assert.That(JourneySerializer.Deserialize(Encoding.UTF8.GetBytes(withExtra)).State, Is.TypeOf<SessionStartedState>());
        Assert.Throws<JourneyStoreException>(() => JourneySerializer.Deserialize(Encoding.UTF8.GetBytes(json + "{}")));
    }

    [Test]
    public void AJourneyBeforeItsSchema_IsRefused_NotReadUnderAnAssumedSchema()
    {
        var json = Json(JourneyIn(State("SessionStarted")));
        var body = json["{\"schema\":1,".Length..^1];

        Assert.Throws<JourneyStoreException>(() => JourneySerializer.Deserialize(Encoding.UTF8.GetBytes("{" + body + ",\"schema\":1}")));
    }

    private static string Json(JourneyRecord journey) => Encoding.UTF8.GetString(JourneySerializer.Serialize(journey));
}
