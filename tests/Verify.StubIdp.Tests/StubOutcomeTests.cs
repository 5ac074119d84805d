using Verify.Saml.Validation;

namespace Verify.StubIdp.Tests;

/// <summary>The outcome table: stable buttons, and every status written as the hub's IdpStatusMapping reads it.</summary>
public sealed class StubOutcomeTests
{
    [TestCase("success-level2", IdpOutcome.Success)]
    [TestCase("success-level1", IdpOutcome.Success)]
    [TestCase("cancel", IdpOutcome.Cancelled)]
    [TestCase("authn-failed", IdpOutcome.AuthnFailed)]
    [TestCase("requester-error", IdpOutcome.RequesterError)]
    [TestCase("uplift-failed", IdpOutcome.UpliftFailed)]
    [TestCase("pending", IdpOutcome.Pending)]
    [TestCase("fraud-df01", IdpOutcome.Success)]
    public void Status_MapsToTheHubsOutcome(string value, IdpOutcome expected)
    {
        Assert.That(IdpStatusMapping.ToOutcome(StubOutcome.Find(value)!.Status), Is.EqualTo(expected));
    }

    [Test]
    public void Buttons_HaveUniqueValuesAndTexts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StubOutcome.All, Has.Count.EqualTo(10));
            Assert.That(StubOutcome.All.Select(o => o.Value), Is.Unique);
            Assert.That(StubOutcome.All.Select(o => o.Text), Is.Unique);
            Assert.That(StubOutcome.All.Where(o => o.NeedsIdentity).Select(o => o.AuthnContext), Has.None.Null);
        });
    }
}
