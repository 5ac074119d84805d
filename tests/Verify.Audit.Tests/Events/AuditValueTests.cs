using Microsoft.Extensions.Time.Testing;

using Verify.Audit.Tests.Support;

namespace Verify.Audit.Tests.Events;

/// <summary>The value types events are made of refuse anything that could carry free text.</summary>
public sealed class AuditValueTests
{
    [TestCase("https://rp.test/saml")]
    [TestCase("urn:uk:gov:dept:rp")]
    [TestCase("oidc-client-1")]
    public void EntityIds_AreAccepted(string value)
    {
        Assert.That(AuditEntityId.Parse(value).Value, Is.EqualTo(value));
    }

    [TestCase("")]
    [TestCase("John Smith")]
    [TestCase("https://rp.test/saml\n")]
    [TestCase("https://rp.test/é")]
    public void NonEntityIds_AreRefused(string value)
    {
        Assert.Multiple(() =>
        {
            Assert.That(AuditEntityId.TryParse(value, out _), Is.False);
            Assert.Throws<FormatException>(() => AuditEntityId.Parse(value));
        });
    }

    [Test]
    public void AnEntityIdOver1024Characters_IsRefused()
    {
        Assert.That(AuditEntityId.TryParse("https://rp.test/" + new string('a', 1024), out _), Is.False);
    }

    [TestCase("urn:oasis:names:tc:SAML:2.0:status:AuthnFailed")]
    [TestCase("DF01")]
    [TestCase("VERIFY-SAML-0101")]
    [TestCase("AwaitingCycle3DataState")]
    public void Codes_AreAccepted(string value)
    {
        Assert.That(AuditCode.Parse(value).Value, Is.EqualTo(value));
    }

    [TestCase("")]
    [TestCase("John Smith")]
    [TestCase("1 High Street, SW1A 1AA")]
    [TestCase("john@example.com")]
    [TestCase("1980-01-01T00:00:00+00:00")]
    public void FreeText_IsNotACode(string value)
    {
        Assert.That(AuditCode.TryParse(value, out _), Is.False);
    }

    [Test]
    public void Stamps_TakeTheInjectedClock_ToTheMicrosecond_WithARandomId()
    {
        var clock = new FakeTimeProvider(TestEvents.Now.AddTicks(1234567));

        var first = AuditStamp.Create(clock);
        var second = AuditStamp.Create(clock);

        Assert.Multiple(() =>
        {
            Assert.That(first.OccurredAt, Is.EqualTo(TestEvents.Now.AddTicks(1234560)));
            Assert.That(first.OccurredAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(first.EventId, Is.Not.EqualTo(second.EventId));
            Assert.That(first.EventId.Version, Is.EqualTo(4));
        });
    }
}
