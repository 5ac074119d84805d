using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// Assertion injection: extra assertions added to a Response whose own assertion is validly signed,
/// hoping the consumer reads the extra one. Built with only the assertions signed, and with the Response
/// signed by the IDP after the injection (a tricked signer). Each is checked on the injected element
/// (what a consumer that picks it would verify) and on the whole document.
/// </summary>
public sealed class AssertionInjectionAttackTests
{
    /// <param name="Inject">Adds the evil assertion and returns it.</param>
    public sealed record InjectionCase(string Name, Func<XmlDocument, XmlElement> Inject, SamlErrorCode OnInjected, SamlErrorCode OnDocument)
    {
        public override string ToString() => Name;
    }

    private static readonly bool[] BothVariants = [false, true];

    private static readonly InjectionCase[] Catalogue =
    [
        new("SecondUnsignedAssertionAfterTheSignedOne", d => Append(d, UnsignedEvil(d)), SamlErrorCode.SignatureMissing, SamlErrorCode.SignatureMissing),
        new("SecondUnsignedAssertionBeforeTheSignedOne", d => (XmlElement)d.DocumentElement!.InsertBefore(UnsignedEvil(d), Assertion(d))!, SamlErrorCode.SignatureMissing, SamlErrorCode.SignatureMissing),
        new("UnsignedAssertionInStatusDetail", d => InStatusDetail(d, UnsignedEvil(d)), SamlErrorCode.SignatureMissing, SamlErrorCode.MessageUnexpectedElement),
        new("CopyOfTheSignedAssertion_DuplicateId", d => Append(d, (XmlElement)Assertion(d).CloneNode(deep: true)), SamlErrorCode.IdDuplicate, SamlErrorCode.IdDuplicate),
        new("CopyOfTheSignedAssertionNamingTheVictim_DuplicateId", d => Append(d, MakeEvil((XmlElement)Assertion(d).CloneNode(deep: true))), SamlErrorCode.IdDuplicate, SamlErrorCode.IdDuplicate),
        new("VictimsValidlySignedAssertionFromAnotherResponse_InExtensions", InExtensions, SamlErrorCode.None, SamlErrorCode.MessageUnexpectedElement),
        new("UnsignedAssertionInAdviceOfTheSignedOne", InAdvice, SamlErrorCode.SignatureMissing, SamlErrorCode.DigestMismatch),
    ];

    private static IEnumerable<TestCaseData> Attacks() =>
        from attack in Catalogue
        from resigned in BothVariants
        select new TestCaseData(attack, resigned)
            .SetName($"Verify_Refuses{attack.Name}_{(resigned ? "ResponseResignedByIdpAfterInjection" : "OnlyAssertionsSigned")}");

    [Test]
    public void Verify_AcceptsTheSignedAssertionAlone_PositiveControl()
    {
        var verified = SignedResponseVerifier.Verify(AssertionSigned(), AttackKeys.IdpKeys(), requireSignedResponse: false);
        Assert.That(verified.Assertions.Select(a => a.Element.GetAttribute("ID")), Is.EqualTo(new[] { AssertionId }));
    }

    [TestCaseSource(nameof(Attacks))]
    public void Verify_RefusesInjectedAssertion(InjectionCase attack, bool resigned)
    {
        var document = AssertionSigned();
        var injectedId = attack.Inject(document).GetAttribute("ID");
        var duplicate = injectedId == AssertionId;
        if (resigned)
        {
            Sign(document.DocumentElement!);
        }

        var received = Reparse(document);
        var injected = received.GetElementsByTagName("Assertion", XmlNames.Saml).Cast<XmlElement>()
            .Last(a => a.GetAttribute("ID") == injectedId && (!duplicate || a.ParentNode == received.DocumentElement));
        Assert.Multiple(() =>
        {
            if (attack.OnInjected == SamlErrorCode.None)
            {
                // Genuinely signed by the IDP, so verifying it alone succeeds; placement is what refuses it below.
                Assert.That(XmlSignatureVerifier.Verify(injected, AttackKeys.IdpKeys()).Element, Is.SameAs(injected));
            }
            else
            {
                AttackAssert.Refuses(attack.OnInjected, () => XmlSignatureVerifier.Verify(injected, AttackKeys.IdpKeys()), "injected assertion");
            }

            AttackAssert.Refuses(attack.OnDocument, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: resigned), "whole response");
        });
    }

    [Test]
    public void Verify_RefusesAnUnsignedAssertionAddedAfterTheResponseWasSigned_AsDigestMismatch()
    {
        var document = FullySigned();
        Append(document, UnsignedEvil(document));

        AttackAssert.Refuses(SamlErrorCode.DigestMismatch, () => SignedResponseVerifier.Verify(Reparse(document), AttackKeys.IdpKeys()));
    }

    [Test]
    public void Verify_RefusesMoreAssertionsThanTheProfileAllows()
    {
        var document = AssertionSigned();
        for (var i = 0; i < SignedResponseVerifier.MaxAssertions; i++)
        {
            Append(document, SignedEvil(document, EvilAssertionId + i));
        }

        AttackAssert.Refuses(SamlErrorCode.MessageUnexpectedElement, () => SignedResponseVerifier.Verify(Reparse(document), AttackKeys.IdpKeys(), requireSignedResponse: false));
    }

    private static XmlElement UnsignedEvil(XmlDocument document)
    {
        var evil = (XmlElement)Assertion(document).CloneNode(deep: true);
        RemoveSignature(evil);
        return MakeEvil(evil, EvilAssertionId);
    }

    /// <summary>An assertion the IDP really signed, for the victim, lifted from another Response.</summary>
    private static XmlElement SignedEvil(XmlDocument into, string id)
    {
        var other = Unsigned();
        MakeEvil(Assertion(other), id);
        Sign(Assertion(other));
        return (XmlElement)into.ImportNode(Assertion(other), deep: true);
    }

    private static XmlElement Append(XmlDocument document, XmlElement assertion) => (XmlElement)document.DocumentElement!.AppendChild(assertion)!;

    private static XmlElement InStatusDetail(XmlDocument document, XmlElement assertion)
    {
        var status = (XmlElement)document.GetElementsByTagName("Status", XmlNames.Samlp)[0]!;
        var detail = status.AppendChild(document.CreateElement("samlp", "StatusDetail", XmlNames.Samlp))!;
        return (XmlElement)detail.AppendChild(assertion)!;
    }

    private static XmlElement InExtensions(XmlDocument document)
    {
        var extensions = document.CreateElement("samlp", "Extensions", XmlNames.Samlp);
        document.DocumentElement!.InsertAfter(extensions, document.DocumentElement.GetElementsByTagName("Issuer", XmlNames.Saml)[0]);
        return (XmlElement)extensions.AppendChild(SignedEvil(document, EvilAssertionId))!;
    }

    private static XmlElement InAdvice(XmlDocument document)
    {
        var evil = UnsignedEvil(document);
        var assertion = Assertion(document);
        var advice = document.CreateElement("saml", "Advice", XmlNames.Saml);
        assertion.InsertAfter(advice, assertion.GetElementsByTagName("Conditions", XmlNames.Saml)[0]);
        return (XmlElement)advice.AppendChild(evil)!;
    }
}
