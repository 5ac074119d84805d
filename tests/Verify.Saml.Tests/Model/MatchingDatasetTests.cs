using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Model;

/// <summary>The matching dataset's typed values survive the wire, and the dataset is read strictly.</summary>
public class MatchingDatasetTests
{
    [Test]
    public void MatchingDataset_RoundTripsThroughAnAssertion()
    {
        var mds = ModelSamples.Mds;
        var assertion = ModelSamples.MdsAssertion() with { AttributeStatements = [new AttributeStatement { Attributes = mds.ToAttributes() }] };

        var read = SamlXmlReader.Default.ReadAssertion(SecureXml.Load(SamlXmlWriter.WriteAssertion(assertion).OuterXml).DocumentElement!);

        ModelAssert.AreEquivalent(mds, MatchingDataset.FromAssertion(read));
    }

    [Test]
    public void ToAttributes_UsesVerifysNamesFormatAndFriendlyNamesInAFixedOrder()
    {
        var attributes = ModelSamples.Mds.ToAttributes();

        Assert.Multiple(() =>
        {
            Assert.That(attributes.Select(attribute => attribute.Name), Is.EqualTo(new[]
            {
                VerifyAttributeNames.FirstName, VerifyAttributeNames.MiddleName, VerifyAttributeNames.Surname,
                VerifyAttributeNames.Gender, VerifyAttributeNames.DateOfBirth, VerifyAttributeNames.CurrentAddress,
                VerifyAttributeNames.PreviousAddress,
            }));
            Assert.That(attributes.Select(attribute => attribute.NameFormat), Is.All.EqualTo(AttributeNameFormats.Unspecified));
            Assert.That(attributes[0].FriendlyName, Is.EqualTo("Firstname"));
        });
    }

    [Test]
    public void ToAttributes_LeavesOutEmptyParts()
    {
        var mds = new MatchingDataset { Surnames = [new PersonNameValue { Value = "Jones" }] };

        Assert.Multiple(() =>
        {
            Assert.That(mds.ToAttributes().Single().Name, Is.EqualTo(VerifyAttributeNames.Surname));
            Assert.That(mds.IsEmpty, Is.False);
            Assert.That(new MatchingDataset().IsEmpty, Is.True);
        });
    }

    [TestCase(Gender.Male, "Male")]
    [TestCase(Gender.Female, "Female")]
    [TestCase(Gender.NotSpecified, "Not Specified")]
    public void GenderValue_WritesAndReadsVerifysText(Gender gender, string text)
    {
        var written = RoundTripValue(new GenderValue { Value = gender, Verified = true }, out var markup);

        Assert.Multiple(() =>
        {
            Assert.That(markup, Does.Contain($">{text}<"));
            Assert.That(written, Is.EqualTo(new GenderValue { Value = gender, Verified = true }));
        });
    }

    [TestCase(Gpg45Status.DF01, "DF01")]
    [TestCase(Gpg45Status.FI01, "FI01")]
    [TestCase(Gpg45Status.IT01, "IT01")]
    public void Gpg45StatusValue_WritesAndReadsItsCode(Gpg45Status status, string text)
    {
        var written = RoundTripValue(new Gpg45StatusValue(status), out var markup);

        Assert.Multiple(() =>
        {
            Assert.That(markup, Does.Contain("xsi:type=\"ida:Gpg45StatusType\"").And.Contain($">{text}<"));
            Assert.That(written, Is.EqualTo(new Gpg45StatusValue(status)));
        });
    }

    [Test]
    public void Enums_HaveFixedNumbers()
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)Gender.Male, Is.EqualTo(1));
            Assert.That((int)Gender.Female, Is.EqualTo(2));
            Assert.That((int)Gender.NotSpecified, Is.EqualTo(3));
            Assert.That((int)Gpg45Status.DF01, Is.EqualTo(1));
            Assert.That((int)Gpg45Status.FI01, Is.EqualTo(2));
            Assert.That((int)Gpg45Status.IT01, Is.EqualTo(3));
        });
    }

    [Test]
    public void AddressValue_WritesVerifysShape()
    {
        var address = ModelSamples.Mds.CurrentAddresses[0];

        _ = RoundTripValue(address, out var markup);

        Assert.That(markup, Does.Contain(
            "xsi:type=\"ida:AddressType\" ida:From=\"2016-02-01\" ida:Verified=\"true\">"
            + "<ida:Line>Flat 4</ida:Line><ida:Line>27 Acacia Avenue</ida:Line><ida:Line>Bristol</ida:Line>"
            + "<ida:PostCode>BS1 4DJ</ida:PostCode><ida:UPRN>100120998877</ida:UPRN></saml:AttributeValue>"));
    }

    [Test]
    public void AddressValue_EqualityComparesLines()
    {
        var address = new AddressValue { Lines = ["1 High Street", "Leeds"], PostCode = "LS1 1AA" };

        Assert.Multiple(() =>
        {
            Assert.That(address with { Lines = ["1 High Street", "Leeds"] }, Is.EqualTo(address));
            Assert.That((address with { Lines = ["1 High Street", "Leeds"] }).GetHashCode(), Is.EqualTo(address.GetHashCode()));
            Assert.That(address with { Lines = ["1 High Street", "York"] }, Is.Not.EqualTo(address));
            Assert.That(address with { Verified = true }, Is.Not.EqualTo(address));
        });
    }

    [Test]
    public void FromAttributes_RefusesAValueOfTheWrongType()
    {
        var attributes = new[] { new SamlAttribute { Name = VerifyAttributeNames.FirstName, Values = [new StringValue("Joanna")] } };

        var refusal = Assert.Throws<SamlException>(() => MatchingDataset.FromAttributes(attributes));

        Assert.That(refusal!.Code, Is.EqualTo(SamlErrorCode.MessageInvalidValue));
    }

    [Test]
    public void FromAttributes_RefusesARepeatedAttribute()
    {
        var surname = new SamlAttribute { Name = VerifyAttributeNames.Surname, Values = [new PersonNameValue { Value = "Jones" }] };

        var refusal = Assert.Throws<SamlException>(() => MatchingDataset.FromAttributes([surname, surname]));

        Assert.That(refusal!.Code, Is.EqualTo(SamlErrorCode.MessageInvalidValue));
    }

    [Test]
    public void FromAttributes_IgnoresAttributesOutsideTheDataset()
    {
        var mds = MatchingDataset.FromAttributes([new SamlAttribute { Name = VerifyAttributeNames.IpAddress, Values = [new IpAddressValue("203.0.113.1")] }]);

        Assert.That(mds.IsEmpty, Is.True);
    }

    private static AttributeValue RoundTripValue(AttributeValue value, out string markup)
    {
        var assertion = ModelSamples.MdsAssertion() with
        {
            AttributeStatements = [new AttributeStatement { Attributes = [new SamlAttribute { Name = "value", Values = [value] }] }],
        };
        markup = SamlXmlWriter.WriteAssertion(assertion).OuterXml;
        return SamlXmlReader.Default.ReadAssertion(SecureXml.Load(markup).DocumentElement!).Attributes.Single().Values.Single();
    }
}
