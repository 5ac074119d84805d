using System.Text;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// <see cref="SecureXml.LoadElement"/> reads decrypted content straight into the message's document: it must hold
/// exactly one element, keep every whitespace node (signatures are computed over them) and leave the document as it was.
/// </summary>
public sealed class XmlIntoDocumentTests
{
    [TestCase("<a/><b/>", TestName = "LoadElement_RefusesASecondElement")]
    [TestCase("<a/>text", TestName = "LoadElement_RefusesTextAfterTheElement")]
    [TestCase("<a/><![CDATA[x]]>", TestName = "LoadElement_RefusesCDataAfterTheElement")]
    [TestCase("text<a/>", TestName = "LoadElement_RefusesTextBeforeTheElement")]
    [TestCase("", TestName = "LoadElement_RefusesNothing")]
    [TestCase("<!-- only a comment -->", TestName = "LoadElement_RefusesNoElement")]
    public void LoadElement_RefusesAnythingButOneElement(string xml)
    {
        var owner = new XmlDocument { PreserveWhitespace = true };
        var refusal = Assert.Throws<SamlException>(() => SecureXml.LoadElement(owner, Encoding.UTF8.GetBytes(xml)));
        Assert.That(refusal!.Code, Is.AnyOf(SamlErrorCode.XmlMalformed, SamlErrorCode.XmlEmpty));
    }

    [Test]
    public void LoadElement_AcceptsCommentsAndWhitespaceAroundTheElement()
    {
        var owner = new XmlDocument();
        var element = SecureXml.LoadElement(owner, "<?xml version=\"1.0\"?>\n<!-- before --> <a x=\"1\"/> <!-- after -->\n"u8.ToArray());
        Assert.That(element.OuterXml, Is.EqualTo("<a x=\"1\" />"));
    }

    [Test]
    public void LoadElement_KeepsWhitespace_AndTheOwnersSetting()
    {
        var owner = new XmlDocument { PreserveWhitespace = false };
        var element = SecureXml.LoadElement(owner, "<a>\n  <b> </b>\n</a>"u8.ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(element.OwnerDocument, Is.SameAs(owner));
            Assert.That(element.ParentNode, Is.Null, "not put in the owner's tree");
            Assert.That(element.OuterXml, Is.EqualTo("<a>\n  <b> </b>\n</a>"));
            Assert.That(owner.PreserveWhitespace, Is.False);
        });
    }

    [Test]
    public void LoadElement_RefusesAnythingOverTheLimits()
    {
        var owner = new XmlDocument();
        var options = new SecureXmlOptions { MaxCharacters = 100 };
        AttackAssert.Refuses(SamlErrorCode.XmlTooLarge, () => SecureXml.LoadElement(owner, Encoding.UTF8.GetBytes("<a>" + new string('x', 100) + "</a>"), options));
        Assert.That(owner.OuterXml, Is.Empty);
    }
}
