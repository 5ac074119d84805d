using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// Signature exclusion: strip or hollow out a signature and hope the consumer treats "no signature" as
/// "nothing to check" (ARCHITECTURE.md: unsigned assertions are refused; the Response signature is
/// required unless the party's profile says otherwise). Every case also changes the NameID to the
/// victim's, since that is why the signature was removed.
/// </summary>
public sealed class SignatureExclusionAttackTests
{
    /// <param name="Start">The signed message the attacker received.</param>
    /// <param name="Strip">What the attacker does to it; returns the element the consumer would verify.</param>
    /// <param name="ResignResponse">The IDP (tricked) signs the Response again after the stripping.</param>
    public sealed record ExclusionCase(string Name, Func<XmlDocument> Start, Func<XmlDocument, XmlElement> Strip, bool ResignResponse, bool RequireSignedResponse, SamlErrorCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly ExclusionCase[] Catalogue =
    [
        new("AssertionSignatureRemoved_ResponseUnsigned", AssertionSigned, StripAssertion, false, false, SamlErrorCode.SignatureMissing),
        new("AssertionSignatureRemoved_ResponseResignedByIdp", AssertionSigned, StripAssertion, true, true, SamlErrorCode.SignatureMissing),
        new("ResponseSignatureRemoved_WhenTheProfileRequiresIt", FullySigned, StripResponse, false, true, SamlErrorCode.SignatureMissing),
        new("BothSignaturesRemoved_WhenTheProfileRequiresTheResponseSigned", FullySigned, d => { StripResponse(d); return StripAssertion(d); }, false, true, SamlErrorCode.SignatureMissing),
        new("BothSignaturesRemoved_WhenTheResponseMayBeUnsigned", FullySigned, d => { StripResponse(d); return StripAssertion(d); }, false, false, SamlErrorCode.SignatureMissing),
        new("AssertionSignatureEmptied", AssertionSigned, d => Hollow(d, s => s.RemoveAll()), true, true, SamlErrorCode.SignatureMalformed),
        new("AssertionSignatureValueRemoved", AssertionSigned, d => Hollow(d, s => s.RemoveChild(s.GetElementsByTagName("SignatureValue", XmlNames.DSig)[0]!)), true, true, SamlErrorCode.SignatureMalformed),
        new("AssertionSignedInfoRemoved", AssertionSigned, d => Hollow(d, s => s.RemoveChild(s.GetElementsByTagName("SignedInfo", XmlNames.DSig)[0]!)), true, true, SamlErrorCode.SignatureMalformed),
        new("AssertionSignatureMovedToAnotherNamespace", AssertionSigned, MoveSignatureToOtherNamespace, true, true, SamlErrorCode.SignatureMissing),
    ];

    private static IEnumerable<TestCaseData> Attacks() =>
        Catalogue.Select(attack => new TestCaseData(attack).SetName($"Verify_Refuses{attack.Name}"));

    [Test]
    public void Verify_AcceptsAnUnsignedResponse_OnlyWhenTheProfileAllowsIt_AndTheAssertionIsSigned_PositiveControl()
    {
        var document = FullySigned();
        StripResponse(document);
        var received = Reparse(document);

        var verified = SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: false);
        Assert.Multiple(() =>
        {
            Assert.That(verified.Response, Is.Null);
            Assert.That(NameId(verified.Assertions.Single().Element).InnerText, Is.EqualTo(OwnNameId));
        });
    }

    [Test]
    public void Verify_ResponseWithNothingSigned_AndNoAssertion_IsRefused_EvenWhenAnUnsignedResponseIsAllowed()
    {
        // With no assertion to check, an unsigned Response proves nothing about its sender, so not even
        // its Status (e.g. a forged "cancelled") may be acted on: fail closed either way.
        var document = Unsigned();
        MakeEvil(Assertion(document)).ParentNode!.RemoveChild(Assertion(document));
        var received = Reparse(document);

        Assert.Multiple(() =>
        {
            AttackAssert.Refuses(SamlErrorCode.SignatureMissing, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: true));
            AttackAssert.Refuses(SamlErrorCode.SignatureMissing, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: false));
        });
    }

    [TestCaseSource(nameof(Attacks))]
    public void Verify_RefusesSignatureExclusion(ExclusionCase attack)
    {
        var document = attack.Start();
        var id = attack.Strip(document).GetAttribute("ID");
        MakeEvil(Assertion(document));
        if (attack.ResignResponse)
        {
            Sign(document.DocumentElement!);
        }

        var received = Reparse(document);
        var attacked = received.DocumentElement!.GetAttribute("ID") == id ? received.DocumentElement : Assertion(received);
        Assert.Multiple(() =>
        {
            AttackAssert.Refuses(attack.Expected, () => XmlSignatureVerifier.Verify(attacked, AttackKeys.IdpKeys()), "stripped element");
            AttackAssert.Refuses(attack.Expected, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), attack.RequireSignedResponse), "whole response");
        });
    }

    private static XmlElement StripAssertion(XmlDocument document)
    {
        RemoveSignature(Assertion(document));
        return Assertion(document);
    }

    private static XmlElement StripResponse(XmlDocument document)
    {
        RemoveSignature(document.DocumentElement!);
        return document.DocumentElement!;
    }

    private static XmlElement Hollow(XmlDocument document, Action<XmlElement> change)
    {
        change(Signature(Assertion(document)));
        return Assertion(document);
    }

    private static XmlElement MoveSignatureToOtherNamespace(XmlDocument document)
    {
        var assertion = Assertion(document);
        var signature = Signature(assertion);
        var impostor = document.CreateElement("ds", "Signature", XmlNames.DSig + "x");
        impostor.InnerXml = signature.InnerXml;
        assertion.ReplaceChild(impostor, signature);
        return assertion;
    }
}
