using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

using Verify.Audit.Chain;
using Verify.Audit.Events;
using Verify.Audit.Tests.Support;

namespace Verify.Audit.Tests.Events;

/// <summary>The canonical JSON the chain hashes: sorted members, no whitespace, every property, identifiers hashed.</summary>
public sealed class AuditJsonTests
{
    private readonly FakeTimeProvider _clock = new(TestEvents.Now.AddTicks(1234567));

    [Test]
    public void IdpSelected_HasExactlyThisForm()
    {
        var auditEvent = new IdpSelected
        {
            Stamp = AuditStamp.Create(_clock),
            Journey = TestEvents.Journey,
            RelyingParty = TestEvents.Rp,
            IdentityProvider = TestEvents.Idp,
            RequestedLevel = AssuranceLevel.Level2,
        };

        var json = AuditJson.Canonical(auditEvent);

        Assert.That(json, Is.EqualTo(
            "{\"event\":\"IdpSelected\"," +
            $"\"eventId\":\"{auditEvent.Stamp.EventId:D}\"," +
            "\"identityProvider\":\"https://idp.test/saml\"," +
            $"\"journey\":\"{TestEvents.Journey.Value}\"," +
            "\"occurredAt\":\"2026-11-30T09:00:00.123456Z\"," +
            "\"relyingParty\":\"https://rp.test/saml\"," +
            "\"requestedLevel\":\"LEVEL_2\"," +
            "\"v\":1}"));
    }

    [Test]
    public void EveryEvent_HasSortedMembers_NoWhitespace_AndIsStable()
    {
        Assert.Multiple(() =>
        {
            foreach (var auditEvent in TestEvents.OneOfEach(_clock))
            {
                var json = AuditJson.Canonical(auditEvent);
                using var document = JsonDocument.Parse(json);
                var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();

                Assert.That(names, Is.EqualTo(names.Order(StringComparer.Ordinal)), auditEvent.EventType);
                Assert.That(json, Does.Not.Contain(" ").And.Not.Contain("\n"), auditEvent.EventType);
                Assert.That(AuditJson.Canonical(auditEvent), Is.EqualTo(json), auditEvent.EventType);
                Assert.That(document.RootElement.GetProperty("event").GetString(), Is.EqualTo(auditEvent.GetType().Name));
            }
        });
    }

    [Test]
    public void AbsentOptionalValues_AreWrittenAsNull()
    {
        var auditEvent = new AuthnRequestRefused { Stamp = AuditStamp.Create(_clock), Protocol = AuditProtocol.Oidc, ErrorCode = AuditCode.Parse("VERIFY-OIDC-0001") };

        var json = AuditJson.Canonical(auditEvent);

        Assert.That(json, Does.Contain("\"issuer\":null").And.Contain("\"request\":null").And.Contain("\"protocol\":\"Oidc\""));
    }

    [Test]
    public void NoIdentifierAppearsInClear()
    {
        var all = string.Concat(TestEvents.OneOfEach(_clock).Select(AuditJson.Canonical));

        Assert.Multiple(() =>
        {
            foreach (var clear in new[] { TestEvents.JourneyId, TestEvents.PairwiseId, TestEvents.RequestId, TestEvents.FraudEventId })
            {
                Assert.That(all, Does.Not.Contain(clear));
            }
        });
    }

    [Test]
    public void AnUndefinedEnumValue_IsRefused()
    {
        var auditEvent = new IntentDeclared { Stamp = AuditStamp.Create(_clock), Journey = TestEvents.Journey, RelyingParty = TestEvents.Rp, Intent = (AuditIntent)42 };

        Assert.Throws<InvalidOperationException>(() => AuditJson.Canonical(auditEvent));
    }
}
