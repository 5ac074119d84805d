using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Model;

/// <summary>What the strict reader still accepts, because the specifications or Verify's parties allow it.</summary>
public class ReaderAcceptanceTests
{
    [TestCase("2025-03-14T10:30:00Z")]
    [TestCase("2025-03-14T10:30:00.0Z")]
    [TestCase("2025-03-14T10:30:00.000Z")]
    [TestCase("2025-03-14T10:30:00.0000000Z")]
    public void ReadResponse_AcceptsUtcTimesWithAnyFractionUpToSevenDigits(string time)
    {
        var response = Read(d => d.DocumentElement!.SetAttribute("IssueInstant", time));

        Assert.That(response.IssueInstant, Is.EqualTo(SampleMessages.DefaultInstant));
    }

    [Test]
    public void ReadResponse_AcceptsCommentsAndProcessingInstructionsBetweenElements()
    {
        var response = Read(d =>
        {
            d.DocumentElement!.InsertBefore(d.CreateComment(" between "), d.DocumentElement.FirstChild);
            Find(d, "Subject").AppendChild(d.CreateProcessingInstruction("note", "x"));
        });

        Assert.That(response.Assertions, Has.Count.EqualTo(2));
    }

    [Test]
    public void ReadResponse_TakesTheWholeTextOfANameIdIncludingCdata()
    {
        var response = Read(d =>
        {
            var nameId = Find(d, "NameID");
            nameId.AppendChild(d.CreateCDataSection("-suffix"));
        });

        Assert.That(response.Assertions[0].Subject!.NameId!.Value, Is.EqualTo(SampleMessages.Pid + "-suffix"));
    }

    [Test]
    public void ReadResponse_TrimsWhitespaceAroundTextValuesAsOpenSamlDoes()
    {
        var response = Read(d => Find(d, "NameID").InnerText = "\n    " + SampleMessages.Pid + "\n  ");

        Assert.That(response.Assertions[0].Subject!.NameId!.Value, Is.EqualTo(SampleMessages.Pid));
    }

    [TestCase("1", true)]
    [TestCase("0", false)]
    [TestCase("false", false)]
    public void ReadResponse_AcceptsEveryXsBooleanForm(string text, bool expected)
    {
        var response = Read(d => Find(d, "AttributeValue", 1).SetAttribute("Verified", XmlNames.IdaAttributes, text));

        Assert.That(MatchingDataset.FromAssertion(response.Assertions[1]).FirstNames[0].Verified, Is.EqualTo(expected));
    }

    [Test]
    public void ReadResponse_AcceptsTransactionAndFraudAttributesAsPlainStrings()
    {
        var response = Read(d =>
        {
            var value = Find(d, "AttributeValue", 0);
            value.RemoveAttribute("type", XmlNames.Xsi);
            var statement = Find(d, "AttributeStatement");
            statement.AppendChild(PlainAttribute(d, VerifyAttributeNames.FraudEventId, "fraud-7"));
            statement.AppendChild(PlainAttribute(d, VerifyAttributeNames.Gpg45Status, "DF01"));
        });

        var values = response.Assertions[0].Attributes.Select(attribute => attribute.Values.Single()).ToList();
        Assert.That(values, Is.EqualTo(new AttributeValue[]
        {
            new IpAddressValue(SampleMessages.IpAddress),
            new FraudEventIdValue("fraud-7"),
            new Gpg45StatusValue(Gpg45Status.DF01),
        }));
    }

    [Test]
    public void ReadResponse_AcceptsAnEmptyStringValue()
    {
        var response = Read(d => Find(d, "AttributeStatement").AppendChild(PlainAttribute(d, "note", string.Empty)));

        Assert.That(response.Assertions[0].Attributes.Last().Values.Single(), Is.EqualTo(new StringValue(string.Empty)));
    }

    [Test]
    public void ReadResponse_RecordsTheSignatureRightAfterTheIssuer()
    {
        XmlElement? signature = null;
        var response = Read(d =>
        {
            signature = d.CreateElement("ds", "Signature", XmlNames.DSig);
            var assertion = Find(d, "Assertion", 1);
            assertion.InsertAfter(signature, Find(d, "Issuer", 2));
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.HasSignature, Is.False);
            Assert.That(response.Assertions[0].HasSignature, Is.False);
            Assert.That(response.Assertions[1].HasSignature, Is.True);
            Assert.That(response.Assertions[1].Signature!.ParentNode, Is.SameAs(response.Assertions[1].Source));
        });
    }

    private static Response Read(Action<XmlDocument> change)
    {
        var document = SampleMessages.IdpResponse();
        change(document);
        return SamlXmlReader.Default.ReadResponse(SecureXml.Load(document.OuterXml).DocumentElement!);
    }

    private static XmlElement Find(XmlDocument document, string localName, int index = 0) =>
        (XmlElement)document.GetElementsByTagName(localName, "*")[index]!;

    private static XmlElement PlainAttribute(XmlDocument document, string name, string value)
    {
        var attribute = document.CreateElement("saml2", "Attribute", XmlNames.Saml);
        attribute.SetAttribute("Name", name);
        var valueElement = document.CreateElement("saml2", "AttributeValue", XmlNames.Saml);
        valueElement.InnerText = value;
        attribute.AppendChild(valueElement);
        return attribute;
    }
}
