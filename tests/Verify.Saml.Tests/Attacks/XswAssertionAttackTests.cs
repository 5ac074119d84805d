using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// XSW3–XSW8: wrapping attacks on the signed assertion. Each is built twice: with only the assertion
/// signed (the Response unsigned, which the hub profile may allow), and with the Response signed again
/// by the IDP after the tampering (a tricked signer), so that the Response signature is valid and it is
/// the assertion check that has to catch the attack. Each is checked through both doors: the element a
/// naive consumer reads (the first saml:Assertion in document order) and <see cref="SignedResponseVerifier"/>.
/// </summary>
public sealed class XswAssertionAttackTests
{
    /// <param name="SharesIds">The evil and the original carry the same ID. Then even the re-signed Response
    /// does not verify: IDs must be unique in the whole document, so IdDuplicate is what the Response check
    /// (and hence the document check) says in the re-signed variant.</param>
    public sealed record XswCase(string Name, Action<XmlDocument> Attack, SamlErrorCode OnFirstAssertion, SamlErrorCode OnDocument, bool SharesIds = false)
    {
        public override string ToString() => Name;
    }

    private static readonly bool[] BothVariants = [false, true];

    private static readonly XswCase[] Catalogue =
    [
        new("Xsw3_EvilAssertionBeforeSignedOne", AttackXsw.Xsw3, SamlErrorCode.SignatureMissing, SamlErrorCode.SignatureMissing),
        new("Xsw4_EvilAssertionWrappingSignedOne", AttackXsw.Xsw4, SamlErrorCode.SignatureMissing, SamlErrorCode.SignatureMissing),
        new("Xsw5_SignatureKeptByEvilAssertionWithFreshId_OriginalAppended", d => AttackXsw.Xsw5(d), SamlErrorCode.SignatureReferenceNotParent, SamlErrorCode.SignatureReferenceNotParent),
        new("Xsw5_SignatureKeptByEvilAssertionWithSameId_OriginalAppended", d => AttackXsw.Xsw5(d, freshId: false), SamlErrorCode.IdDuplicate, SamlErrorCode.IdDuplicate, SharesIds: true),
        new("Xsw6_SignatureKeptByEvilAssertion_OriginalInsideSignature", AttackXsw.Xsw6, SamlErrorCode.SignatureMalformed, SamlErrorCode.SignatureMalformed),
        new("Xsw7_EvilAssertionWithSameIdInExtensions", d => AttackXsw.Xsw7(d), SamlErrorCode.SignatureMissing, SamlErrorCode.MessageUnexpectedElement, SharesIds: true),
        new("Xsw7_EvilAssertionWithFreshIdInExtensions", d => AttackXsw.Xsw7(d, freshId: true), SamlErrorCode.SignatureMissing, SamlErrorCode.MessageUnexpectedElement),
        new("Xsw8_SignatureKeptByEvilAssertionWithSameId_OriginalInDsObject", d => AttackXsw.Xsw8(d), SamlErrorCode.SignatureObjectNotAllowed, SamlErrorCode.SignatureObjectNotAllowed, SharesIds: true),
        new("Xsw8_SignatureKeptByEvilAssertionWithFreshId_OriginalInDsObject", d => AttackXsw.Xsw8(d, freshId: true), SamlErrorCode.SignatureObjectNotAllowed, SamlErrorCode.SignatureObjectNotAllowed),
    ];

    private static IEnumerable<TestCaseData> Attacks() =>
        from attack in Catalogue
        from resigned in BothVariants
        select new TestCaseData(attack, resigned)
            .SetName($"Verify_Refuses{attack.Name}_{(resigned ? "ResponseResignedByIdpAfterTampering" : "OnlyAssertionSigned")}");

    /// <summary>Where the signed original is still in the document, verifying it either refuses or returns the original, never the evil copy.</summary>
    private static IEnumerable<TestCaseData> SignedOriginalStillPresent()
    {
        yield return Original("ReturnsItNotTheEvilOne_Xsw3", AttackXsw.Xsw3, SamlErrorCode.None);
        yield return Original("ReturnsItNotTheEvilOne_Xsw4", AttackXsw.Xsw4, SamlErrorCode.None);
        yield return Original("ReturnsItNotTheEvilOne_Xsw7FreshId", d => AttackXsw.Xsw7(d, freshId: true), SamlErrorCode.None);
        yield return Original("RefusesDuplicateId_Xsw7SameId", d => AttackXsw.Xsw7(d), SamlErrorCode.IdDuplicate);
    }

    private static TestCaseData Original(string name, Action<XmlDocument> attack, SamlErrorCode expected) =>
        new TestCaseData(new XswCase(name, attack, expected, SamlErrorCode.None)).SetName("Verify_OfSignedAssertion_" + name);

    [Test]
    public void Verify_AcceptsTheUnmodifiedResponse_PositiveControl()
    {
        foreach (var resigned in BothVariants)
        {
            var document = resigned ? FullySigned() : AssertionSigned();
            var verified = SignedResponseVerifier.Verify(document, AttackKeys.IdpKeys(), requireSignedResponse: resigned);
            Assert.That(NameId(verified.Assertions.Single().Element).InnerText, Is.EqualTo(OwnNameId));
            Assert.That(XmlSignatureVerifier.Verify(Assertion(document), AttackKeys.IdpKeys()).Element, Is.SameAs(Assertion(document)));
        }
    }

    [TestCaseSource(nameof(Attacks))]
    public void Verify_RefusesWrappedAssertion(XswCase attack, bool resigned)
    {
        var document = AssertionSigned();
        attack.Attack(document);
        if (resigned)
        {
            Sign(document.DocumentElement!);
        }

        var received = Reparse(document);
        Assert.That(received.OuterXml, Does.Contain(VictimNameId), "the attack carries the victim");
        var onDocument = attack.OnDocument;
        if (resigned && attack.SharesIds)
        {
            AttackAssert.Refuses(SamlErrorCode.IdDuplicate, () => XmlSignatureVerifier.Verify(received.DocumentElement!, AttackKeys.IdpKeys()), "the re-signed Response");
            onDocument = SamlErrorCode.IdDuplicate;
        }
        else if (resigned)
        {
            Assert.That(XmlSignatureVerifier.Verify(received.DocumentElement!, AttackKeys.IdpKeys()).Element, Is.SameAs(received.DocumentElement), "the Response signature itself is valid");
        }

        Assert.Multiple(() =>
        {
            AttackAssert.Refuses(attack.OnFirstAssertion, () => XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()), "first assertion");
            AttackAssert.Refuses(onDocument, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: resigned), "whole response");
        });
    }

    [TestCaseSource(nameof(SignedOriginalStillPresent))]
    public void Verify_OfTheSignedOriginal_NeverYieldsTheEvilAssertion(XswCase attack)
    {
        var document = AssertionSigned();
        attack.Attack(document);
        var received = Reparse(document);
        var original = SignedAssertion(received);
        if (attack.OnFirstAssertion != SamlErrorCode.None)
        {
            AttackAssert.Refuses(attack.OnFirstAssertion, () => XmlSignatureVerifier.Verify(original, AttackKeys.IdpKeys()));
            return;
        }

        // The verifier legitimately returns here: the signed element is intact. What matters is that the
        // element it hands back is that one, and the victim's NameID cannot be reached through it.
        AttackAssert.ReturnedTheSignedOriginal(XmlSignatureVerifier.Verify(original, AttackKeys.IdpKeys()), original);
    }
}
