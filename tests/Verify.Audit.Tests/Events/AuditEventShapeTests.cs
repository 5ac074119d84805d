using System.Reflection;

using Microsoft.Extensions.Time.Testing;

using Verify.Audit.Events;
using Verify.Audit.Tests.Support;

namespace Verify.Audit.Tests.Events;

/// <summary>
/// ARCHITECTURE.md: audit events hold keyed hashes only; no personal data in clear. Every event property is one of a
/// short list of names and of types that cannot carry free text, so a property that could hold a name, a date of
/// birth, an address, a NameID or an IP address cannot be added without this test being changed on purpose.
/// </summary>
public sealed class AuditEventShapeTests
{
    /// <summary>The issue's events (STYLE.md: one class per business event, past tense).</summary>
    private static readonly string[] RequiredEvents =
    [
        "SessionStarted", "IntentDeclared", "IdpSelected", "IdpAuthnSucceeded", "IdpAuthnCancelled", "IdpAuthnFailed",
        "IdpRequesterError", "IdpAuthnPending", "IdpUpliftFailed", "FraudDetected", "ResponseSentToRp", "JourneyCancelled",
        "JourneyTimedOut", "AuthnRequestRefused", "IdpResponseRefused", "JourneyStepRefused", "MatchRequestSent",
        "MatchResponseReceived", "FederationConfigurationChanged",
    ];

    private static readonly Dictionary<string, Type[]> AllowedProperties = new(StringComparer.Ordinal)
    {
        ["Stamp"] = [typeof(AuditStamp)],
        ["EventType"] = [typeof(string)],
        ["Journey"] = [typeof(KeyedHash)],
        ["PairwiseId"] = [typeof(KeyedHash)],
        ["Request"] = [typeof(KeyedHash)],
        ["FraudEvent"] = [typeof(KeyedHash)],
        ["RelyingParty"] = [typeof(AuditEntityId)],
        ["IdentityProvider"] = [typeof(AuditEntityId)],
        ["MatchingService"] = [typeof(AuditEntityId)],
        ["Issuer"] = [typeof(AuditEntityId)],
        ["Party"] = [typeof(AuditEntityId)],
        ["Protocol"] = [typeof(AuditProtocol)],
        ["Intent"] = [typeof(AuditIntent)],
        ["Cycle"] = [typeof(MatchCycle)],
        ["RequestedLevel"] = [typeof(AssuranceLevel)],
        ["Level"] = [typeof(AssuranceLevel), typeof(AssuranceLevel?)],
        ["StatusCode"] = [typeof(AuditCode)],
        ["ErrorCode"] = [typeof(AuditCode)],
        ["Outcome"] = [typeof(AuditCode)],
        ["State"] = [typeof(AuditCode)],
        ["Step"] = [typeof(AuditCode)],
        ["Change"] = [typeof(AuditCode)],
        ["Gpg45Status"] = [typeof(AuditCode)],
        ["Revision"] = [typeof(long?)],
    };

    private static IEnumerable<Type> EventTypes() =>
        typeof(AuditEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AuditEvent)) && !t.IsAbstract);

    [Test]
    public void EveryEventOfTheIssue_IsASealedRecordOfItsOwn()
    {
        var types = EventTypes().ToDictionary(t => t.Name);

        Assert.Multiple(() =>
        {
            Assert.That(types.Keys, Is.SupersetOf(RequiredEvents));
            Assert.That(types.Values.Where(t => !t.IsSealed).Select(t => t.Name), Is.Empty, "sealed");
            Assert.That(types.Values.Where(t => t.Namespace != "Verify.Audit.Events").Select(t => t.Name), Is.Empty, "in Events/");
        });
    }

    [TestCaseSource(nameof(EventTypes))]
    public void EveryProperty_HasAnAllowedNameAndType(Type eventType)
    {
        var properties = eventType.GetProperties(BindingFlags.Public | BindingFlags.Instance);

        Assert.Multiple(() =>
        {
            foreach (var property in properties)
            {
                Assert.That(AllowedProperties.TryGetValue(property.Name, out var types), Is.True, $"{eventType.Name}.{property.Name} is not an allowed property name");
                Assert.That(types ?? [], Does.Contain(property.PropertyType), $"{eventType.Name}.{property.Name} is a {property.PropertyType}");
            }
        });
    }

    [Test]
    public void NoEventHasAStringPropertyButItsTypeName()
    {
        var strings = EventTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.PropertyType == typeof(string) && x.Property.Name != nameof(AuditEvent.EventType))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}");

        Assert.That(strings, Is.Empty);
    }

    [Test]
    public void KeyedHashes_CanOnlyBeMadeByTheHasher()
    {
        var constructors = typeof(KeyedHash).GetConstructors(BindingFlags.Public | BindingFlags.Instance);

        Assert.That(constructors, Is.Empty);
    }

    [Test]
    public void TheTestFactory_CoversEveryEventType()
    {
        var made = TestEvents.OneOfEach(new FakeTimeProvider(TestEvents.Now)).Select(e => e.GetType());

        Assert.That(made, Is.EquivalentTo(EventTypes()));
    }
}
