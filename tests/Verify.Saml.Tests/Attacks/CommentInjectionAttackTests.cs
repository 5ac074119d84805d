using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// Comment injection (Duo Labs, 2018; CVE-2017-11427 and friends): the IDP signs
/// <c>victim@gov.uk.evil.com</c> for the attacker, who then inserts a comment,
/// <c>victim@gov.uk&lt;!----&gt;.evil.com</c>. Exclusive c14n without comments drops the comment, so the
/// signature still verifies: this is not a signature-layer refusal, and must not be one (the octets signed
/// are unchanged). The defence is in the message reader, which takes a text-only element's whole text and
/// refuses anything but text in it (MessageMixedContent), so it can never read just the first text node.
/// </summary>
public sealed class CommentInjectionAttackTests
{
    private const string Signed = "victim@gov.uk.evil.com";
    private const string FirstTextNode = "victim@gov.uk";

    private static readonly bool[] BothVariants = [false, true];

    [Test]
    public void Reader_ReadsTheSignedNameId_PositiveControl()
    {
        var received = Reparse(SignedFor(Signed, resigned: true, inject: null));
        var verified = SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys());

        var assertion = SamlXmlReader.Default.ReadAssertion(verified.Assertions.Single().Element);
        Assert.That(assertion.Subject?.NameId?.Value, Is.EqualTo(Signed));
        Assert.That(SamlXmlReader.Default.ReadResponse(verified.Response!.Element).Assertions.Single().Subject?.NameId?.Value, Is.EqualTo(Signed));
    }

    [TestCaseSource(nameof(BothVariants))]
    public void CommentInNameId_SignatureStillVerifies_AndTheReaderRefusesMixedContent(bool resigned)
    {
        var received = Reparse(SignedFor(Signed, resigned, nameId => nameId.OwnerDocument.CreateComment("")));

        // The signature layer legitimately accepts: the canonical octets are the ones the IDP signed.
        var verified = SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: resigned);
        var nameId = NameId(verified.Assertions.Single().Element);
        Assert.Multiple(() =>
        {
            Assert.That(nameId.InnerText, Is.EqualTo(Signed), "the whole text is what was signed");
            Assert.That(nameId.FirstChild!.Value, Is.EqualTo(FirstTextNode), "the first text node is what a careless reader would take");
        });

        AttackAssert.Refuses(SamlErrorCode.MessageMixedContent, () => SamlXmlReader.Default.ReadAssertion(verified.Assertions.Single().Element), "assertion reader");
        if (resigned)
        {
            AttackAssert.Refuses(SamlErrorCode.MessageMixedContent, () => SamlXmlReader.Default.ReadResponse(verified.Response!.Element), "response reader");
        }
    }

    [Test]
    public void ProcessingInstructionInNameId_IsCoveredByTheSignature_DigestMismatch()
    {
        // Canonical XML keeps processing instructions, so this one changes the signed octets.
        var received = Reparse(SignedFor(Signed, resigned: true, nameId => nameId.OwnerDocument.CreateProcessingInstruction("x", "")));

        AttackAssert.Refuses(SamlErrorCode.DigestMismatch, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys()));
    }

    [Test]
    public void EmptyCdataInNameId_SignatureVerifies_AndTheReaderReadsTheWholeSignedText()
    {
        // c14n turns CDATA into text, so the split is invisible to the signature; the reader takes the whole
        // text, which is exactly what was signed, so there is nothing to refuse.
        var received = Reparse(SignedFor(Signed, resigned: true, nameId => nameId.OwnerDocument.CreateCDataSection("")));
        var verified = SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys());

        var assertion = SamlXmlReader.Default.ReadAssertion(verified.Assertions.Single().Element);
        Assert.That(assertion.Subject?.NameId?.Value, Is.EqualTo(Signed));
    }

    [Test]
    public void CommentInAttributeValue_SignatureStillVerifies_AndTheReaderRefusesMixedContent()
    {
        var document = Unsigned();
        var surname = (XmlElement)document.GetElementsByTagName("AttributeValue", XmlNames.Saml)[1]!;
        surname.InnerText = "Attacker-Victim";
        Sign(Assertion(document));
        Split(surname, "Attacker".Length, document.CreateComment(""));
        var received = Reparse(document);

        var verified = SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: false);
        AttackAssert.Refuses(SamlErrorCode.MessageMixedContent, () => SamlXmlReader.Default.ReadAssertion(verified.Assertions.Single().Element));
    }

    /// <summary>The IDP signs the assertion for <paramref name="nameId"/> (and the Response when <paramref name="resigned"/>); then the attacker splits the NameID text.</summary>
    private static XmlDocument SignedFor(string nameId, bool resigned, Func<XmlElement, XmlNode>? inject)
    {
        var document = Unsigned();
        NameId(Assertion(document)).InnerText = nameId;
        Sign(Assertion(document));
        if (resigned)
        {
            Sign(document.DocumentElement!);
        }

        if (inject is not null)
        {
            var element = NameId(Assertion(document));
            Split(element, FirstTextNode.Length, inject(element));
        }

        return document;
    }

    private static void Split(XmlElement element, int at, XmlNode inserted)
    {
        var text = element.InnerText;
        while (element.FirstChild is { } child)
        {
            element.RemoveChild(child);
        }

        element.AppendChild(element.OwnerDocument.CreateTextNode(text[..at]));
        element.AppendChild(inserted);
        element.AppendChild(element.OwnerDocument.CreateTextNode(text[at..]));
    }
}
