using Verify.Saml.Saml;
using Verify.TestRp.Outcomes;

namespace Verify.TestRp.Tests;

/// <summary>How asserted attributes are shown.</summary>
public sealed class AttributeDisplayTests
{
    [TestCase("1 High Street$Town", new[] { "1 High Street", "Town" })]
    [TestCase("Flat \\24 1$Back\\5cslash Lane", new[] { "Flat $ 1", "Back\\slash Lane" })]
    [TestCase("No escapes here", new[] { "No escapes here" })]
    [TestCase("Trailing \\2", new[] { "Trailing \\2" })]
    public void PostalAddress_IsShownOneLineEach_AsRfc4517Writes_It(string value, string[] lines)
    {
        var assertion = new Assertion
        {
            Id = "_a",
            IssueInstant = DateTimeOffset.UnixEpoch,
            Issuer = Issuer.Entity("https://hub.test"),
            AttributeStatements = [new AttributeStatement { Attributes = [SamlAttribute.OfString(HubAttributeNames.PostalAddress, value)] }],
        };

        var shown = AttributeDisplay.From(assertion).Single();

        Assert.Multiple(() =>
        {
            Assert.That(shown.FriendlyName, Is.EqualTo("postalAddress"), "the hub's name when the attribute has no FriendlyName");
            Assert.That(shown.Values.Single(), Is.EqualTo(lines));
        });
    }

    [Test]
    public void AnUnknownAttribute_IsShownByItsName()
    {
        var assertion = new Assertion
        {
            Id = "_a",
            IssueInstant = DateTimeOffset.UnixEpoch,
            Issuer = Issuer.Entity("https://hub.test"),
            AttributeStatements = [new AttributeStatement { Attributes = [SamlAttribute.OfString("urn:example:favourite-colour", "blue")] }],
        };

        var shown = AttributeDisplay.From(assertion).Single();

        Assert.That(shown.FriendlyName, Is.EqualTo("urn:example:favourite-colour"));
    }
}
