using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// Attacks on what a signature points at (SAML Core 5.4.2: exactly one Reference, a same-document
/// '#ID' to the element that contains the signature). Every forged signature here is genuine (digest and
/// SignatureValue computed by the IDP key over the shape shown), built once with only the assertion signed
/// and once with the Response signed by the IDP after the forgery.
/// </summary>
public sealed class ReferenceAttackTests
{
    /// <param name="Mutate">Changes the signature; gets the base URL of a loopback listener that must never be contacted.</param>
    public sealed record ReferenceCase(string Name, Action<XmlElement, string> Mutate, SamlErrorCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly bool[] BothVariants = [false, true];

    private static readonly ReferenceCase[] Catalogue =
    [
        new("ReferenceUriEmpty_WholeDocument", (s, _) => Uri(s, ""), SamlErrorCode.SignatureReferenceUriNotAllowed),
        new("ReferenceUriAbsent", (s, _) => AttackSigner.Reference(s).RemoveAttribute("URI"), SamlErrorCode.SignatureReferenceUriNotAllowed),
        new("ReferenceUriBareHash", (s, _) => Uri(s, "#"), SamlErrorCode.SignatureReferenceUriNotAllowed),
        new("ReferenceUriExternalHttp", (s, loopback) => Uri(s, loopback + "x"), SamlErrorCode.SignatureReferenceUriNotAllowed),
        new("ReferenceUriExternalFile", (s, _) => Uri(s, "file:///etc/passwd"), SamlErrorCode.SignatureReferenceUriNotAllowed),
        new("ReferenceUriXPointerRoot", (s, _) => Uri(s, "#xpointer(/)"), SamlErrorCode.SignatureReferenceUriNotAllowed),
        new("ReferenceUriXPointerId", (s, _) => Uri(s, $"#xpointer(id('{AssertionId}'))"), SamlErrorCode.SignatureReferenceUriNotAllowed),
        new("ReferenceUriPointsAtTheResponse", (s, _) => Uri(s, "#" + ResponseId), SamlErrorCode.SignatureReferenceNotParent),
        new("ReferenceUriCaseVariantOfTheId", (s, _) => Uri(s, "#" + AssertionId.ToUpperInvariant()), SamlErrorCode.SignatureReferenceNotParent),
        new("ReferenceUriUnknownId", (s, _) => Uri(s, "#_nowhere"), SamlErrorCode.SignatureReferenceNotParent),
        new("TwoReferences", (s, _) => AddReference(s, "#" + AssertionId), SamlErrorCode.SignatureReferenceCount),
        new("TwoReferences_SecondExternal", (s, loopback) => AddReference(s, loopback + "second"), SamlErrorCode.SignatureReferenceCount),

        // XML-DSig's schema requires at least one Reference, so a SignedInfo without one is not a signature at all.
        new("NoReference", (s, _) => AttackSigner.SignedInfo(s).RemoveChild(AttackSigner.Reference(s)), SamlErrorCode.SignatureMalformed),
    ];

    private static IEnumerable<TestCaseData> Attacks() =>
        from attack in Catalogue
        from resigned in BothVariants
        select new TestCaseData(attack, resigned)
            .SetName($"Verify_Refuses{attack.Name}_{(resigned ? "ResponseResignedByIdpAfterTampering" : "OnlyAssertionSigned")}");

    [Test]
    public void Verify_AcceptsAForgedSignatureWithNothingChanged_PositiveControl()
    {
        var document = Unsigned();
        AttackSigner.Forge(Assertion(document), _ => { });
        var received = Reparse(document);

        var verified = SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: false);
        Assert.That(verified.Assertions.Single().Element, Is.SameAs(Assertion(received)));
    }

    [TestCaseSource(nameof(Attacks))]
    public void Verify_RefusesReferenceAttack(ReferenceCase attack, bool resigned)
    {
        using var loopback = new AttackLoopback();
        var document = Unsigned();
        AttackSigner.Forge(Assertion(document), s => attack.Mutate(s, loopback.Url("")));
        if (resigned)
        {
            Sign(document.DocumentElement!);
        }

        var received = Reparse(document);
        Assert.Multiple(() =>
        {
            AttackAssert.Refuses(attack.Expected, () => XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()), "assertion");
            AttackAssert.Refuses(attack.Expected, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: resigned), "whole response");
            loopback.AssertNeverContacted();
        });
    }

    [Test]
    public void Verify_RefusesTheResponseSignatureMovedIntoTheAssertion()
    {
        // A genuine IDP signature over the Response, moved into the (unsigned) assertion it contains.
        var document = ResponseSigned();
        var signature = Signature(document.DocumentElement!);
        var assertion = Assertion(document);
        assertion.InsertAfter(signature, assertion.GetElementsByTagName("Issuer", XmlNames.Saml)[0]);
        var received = Reparse(document);

        AttackAssert.Refuses(SamlErrorCode.SignatureReferenceNotParent, () => XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()));
        AttackAssert.Refuses(SamlErrorCode.SignatureReferenceNotParent, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: false));
    }

    [Test]
    public void Verify_RefusesTwoSignaturesOnOneElement()
    {
        // Both are genuine: the IDP's, and the test RP's over the same assertion.
        var document = AssertionSigned();
        var second = Unsigned();
        var rpSignature = Sign(Assertion(second), AttackKeys.Rp);
        var assertion = Assertion(document);
        assertion.InsertAfter(document.ImportNode(rpSignature, deep: true), Signature(assertion));
        Sign(document.DocumentElement!);
        var received = Reparse(document);

        AttackAssert.Refuses(SamlErrorCode.SignatureMultiple, () => XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()));
        AttackAssert.Refuses(SamlErrorCode.SignatureMultiple, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys()));
    }

    private static void Uri(XmlElement signature, string uri) => AttackSigner.Reference(signature).SetAttribute("URI", uri);

    private static void AddReference(XmlElement signature, string uri)
    {
        var copy = (XmlElement)AttackSigner.Reference(signature).CloneNode(deep: true);
        copy.SetAttribute("URI", uri);
        AttackSigner.SignedInfo(signature).AppendChild(copy);
    }
}
