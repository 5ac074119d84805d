using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// XSW1 and XSW2: wrapping attacks on the signed Response. The evil Response becomes the document
/// element (what the hub reads) and keeps the original signature, while an unsigned copy of the signed
/// original hides elsewhere so that an ID lookup still finds something that digests correctly. Built
/// twice: with only the Response signed, and with the assertion signed too (everything the IDP sent was
/// validly signed; the attacker only rearranged it).
/// </summary>
public sealed class XswResponseAttackTests
{
    public sealed record XswCase(string Name, Action<XmlDocument> Attack, SamlErrorCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly bool[] BothVariants = [false, true];

    private static readonly XswCase[] Catalogue =
    [
        // The copy makes the Signature more than SignedInfo, SignatureValue, KeyInfo: refused as a structure
        // before any ID is looked up.
        new("Xsw1_EvilResponseRoot_SignedOriginalInsideSignature", d => AttackXsw.Xsw1(d), SamlErrorCode.SignatureMalformed),
        new("Xsw1_EvilResponseRoot_SignedOriginalInDsObject", d => AttackXsw.Xsw1(d, inObject: true), SamlErrorCode.SignatureObjectNotAllowed),

        // SAML Raider's XSW2 copies the whole Response, so the assertion ID now appears twice.
        new("Xsw2_EvilResponseRoot_SignedOriginalAsSiblingBeforeSignature", d => AttackXsw.Xsw2(d), SamlErrorCode.IdDuplicate),

        // The adaptive attacker renames the evil assertion: the IDs are unique, and the reference now
        // resolves to the copy, not to the element that carries the signature.
        new("Xsw2_EvilResponseRootWithFreshIds_SignedOriginalAsSiblingBeforeSignature", d => AttackXsw.Xsw2(d, freshAssertionIds: true), SamlErrorCode.SignatureReferenceNotParent),
    ];

    private static IEnumerable<TestCaseData> Attacks() =>
        from attack in Catalogue
        from assertionSigned in BothVariants
        select new TestCaseData(attack, assertionSigned)
            .SetName($"Verify_Refuses{attack.Name}_{(assertionSigned ? "ResponseAndAssertionSigned" : "OnlyResponseSigned")}");

    [Test]
    public void Verify_AcceptsTheUnmodifiedResponse_PositiveControl()
    {
        foreach (var assertionSigned in BothVariants)
        {
            var document = assertionSigned ? FullySigned() : ResponseSigned();
            var verified = XmlSignatureVerifier.Verify(document.DocumentElement!, AttackKeys.IdpKeys());
            Assert.That(verified.Element, Is.SameAs(document.DocumentElement));
            if (assertionSigned)
            {
                Assert.That(NameId(SignedResponseVerifier.Verify(document, AttackKeys.IdpKeys()).Assertions.Single().Element).InnerText, Is.EqualTo(OwnNameId));
            }
        }
    }

    [TestCaseSource(nameof(Attacks))]
    public void Verify_RefusesWrappedResponse(XswCase attack, bool assertionSigned)
    {
        var document = assertionSigned ? FullySigned() : ResponseSigned();
        attack.Attack(document);
        var received = Reparse(document);
        Assert.That(received.DocumentElement!.GetAttribute("ID"), Is.EqualTo(EvilResponseId), "the evil Response is what the hub reads");
        var rootAssertion = received.DocumentElement.ChildNodes.OfType<XmlElement>().Single(e => e.LocalName == "Assertion");
        Assert.That(NameId(rootAssertion).InnerText, Is.EqualTo(VictimNameId), "and the assertion it carries names the victim");

        Assert.Multiple(() =>
        {
            AttackAssert.Refuses(attack.Expected, () => XmlSignatureVerifier.Verify(received.DocumentElement, AttackKeys.IdpKeys()), "document element");
            AttackAssert.Refuses(attack.Expected, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: true), "whole response");
        });
    }

    [Test]
    public void Verify_RefusesXsw2_EvenWhenTheResponseIsOptional_BecauseTheSignatureOnTheRootIsStillChecked()
    {
        // A profile that does not require a signed Response still verifies one that is present.
        var document = ResponseSigned();
        AttackXsw.Xsw2(document, freshAssertionIds: true);
        var received = Reparse(document);

        AttackAssert.Refuses(SamlErrorCode.SignatureReferenceNotParent, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: false));
    }
}
