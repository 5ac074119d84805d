using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// Where the signature sits. The enveloped-signature transform makes its position invisible to the
/// digest, so moving it within its element does not break it: the signature layer only insists that it
/// is a direct child, and the message reader enforces the schema position (SAML Core 2.3.3 and 3.2.1:
/// right after the Issuer). Also pins our own signer to that position.
/// </summary>
public sealed class SignaturePositionAttackTests
{
    private static readonly string[] IssuerThenSignature = ["Issuer", "Signature"];

    [Test]
    public void XmlSigner_PutsTheSignatureRightAfterTheIssuer_InIndentedXml()
    {
        // Regression: the signer once took element.FirstChild as the candidate Issuer. In indented XML (every
        // IDP's pretty-printed output, anything read with PreserveWhitespace) that is whitespace, so the
        // signature went first, before the Issuer: schema-invalid SAML that our own reader refuses
        // (SignatureNotAtExpectedPosition) and strict peers reject.
        var document = Unsigned();
        using var credential = SigningCredential.FromCertificate(AttackKeys.Idp);
        var assertion = Assertion(document);
        XmlSigner.Sign(assertion, credential);

        var firstElement = assertion.ChildNodes.OfType<XmlElement>().First();
        Assert.That(firstElement.LocalName, Is.EqualTo("Issuer"), "the Issuer must stay the first child element");
        Assert.DoesNotThrow(() => SamlXmlReader.Default.ReadAssertion(assertion));
    }

    [Test]
    public void XmlSigner_PutsTheSignatureRightAfterTheIssuer_InCompactXml_Control()
    {
        var document = SecureXml.Load(Unsigned().DocumentElement!.OuterXml.Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal));
        using var credential = SigningCredential.FromCertificate(AttackKeys.Idp);
        var assertion = Assertion(document);
        XmlSigner.Sign(assertion, credential);

        Assert.That(assertion.ChildNodes.OfType<XmlElement>().Select(e => e.LocalName).Take(2), Is.EqualTo(IssuerThenSignature));
    }

    [Test]
    public void SignatureMovedToTheEndOfTheAssertion_StillVerifies_ButTheReaderRefusesItsPosition()
    {
        var document = AssertionSigned();
        var assertion = Assertion(document);
        assertion.AppendChild(Signature(assertion));
        var received = Reparse(document);

        var verified = XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys());
        AttackAssert.Refuses(SamlErrorCode.SignatureNotAtExpectedPosition, () => SamlXmlReader.Default.ReadAssertion(verified.Element));
    }

    [Test]
    public void SignatureMovedBeforeTheIssuer_StillVerifies_ButTheReaderRefusesItsPosition()
    {
        var document = FullySigned();
        var root = document.DocumentElement!;
        root.PrependChild(Signature(root));
        var received = Reparse(document);

        var verified = SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys());
        AttackAssert.Refuses(SamlErrorCode.SignatureNotAtExpectedPosition, () => SamlXmlReader.Default.ReadResponse(verified.Response!.Element));
    }

    [Test]
    public void Reader_ReadsTheSignedMessage_WithTheSignatureInPlace_PositiveControl()
    {
        var verified = SignedResponseVerifier.Verify(FullySigned(), AttackKeys.IdpKeys());

        var response = SamlXmlReader.Default.ReadResponse(verified.Response!.Element);
        Assert.That(response.Assertions.Single().Subject?.NameId?.Value, Is.EqualTo(OwnNameId));
    }

    [Test]
    public void Verify_RefusesASignatureMovedDeeperIntoTheElement_AsMissing()
    {
        // Only a direct child is the element's enveloped signature; one nested in Subject signs nothing here.
        var document = AssertionSigned();
        var assertion = Assertion(document);
        NameId(assertion).ParentNode!.AppendChild(Signature(assertion));
        var received = Reparse(document);

        AttackAssert.Refuses(SamlErrorCode.SignatureMissing, () => XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()));
        AttackAssert.Refuses(SamlErrorCode.SignatureMissing, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: false));
    }
}
