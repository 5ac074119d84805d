using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// Plain tampering after signing (XMLDSig 3.2.1 reference validation, 3.2.2 signature validation): any
/// change to the signed content is a digest mismatch; a change to SignatureValue, or a digest the attacker
/// recomputed to match his change, fails against the party's key. Assertion tampering is built with only
/// the assertion signed and with the Response signed by the IDP afterwards; Response tampering on a
/// fully signed message.
/// </summary>
public sealed class TamperingAttackTests
{
    public sealed record TamperCase(string Name, Action<XmlDocument> Tamper, SamlErrorCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly bool[] BothVariants = [false, true];

    private static readonly TamperCase[] AssertionTampering =
    [
        new("NameIdTextChanged", d => MakeEvil(Assertion(d)), SamlErrorCode.DigestMismatch),
        new("NameIdGainsWhitespace", d => NameId(Assertion(d)).InnerText = " " + OwnNameId, SamlErrorCode.DigestMismatch),
        new("AttributeAddedToAssertion", d => Assertion(d).SetAttribute("Consent", "urn:oasis:names:tc:SAML:2.0:consent:obtained"), SamlErrorCode.DigestMismatch),
        new("AttributeAddedToNameId", d => NameId(Assertion(d)).SetAttribute("SPNameQualifier", "https://evil.example"), SamlErrorCode.DigestMismatch),
        new("AttributeValueChanged", d => d.GetElementsByTagName("AttributeValue", XmlNames.Saml)[1]!.InnerText = "Victim", SamlErrorCode.DigestMismatch),
        new("AudienceChanged", d => d.GetElementsByTagName("Audience", XmlNames.Saml)[0]!.InnerText = "https://evil.example", SamlErrorCode.DigestMismatch),
        new("ConditionsRemoved", d => Remove(d.GetElementsByTagName("Conditions", XmlNames.Saml)[0]!), SamlErrorCode.DigestMismatch),
        new("LevelOfAssuranceRaised", d => d.GetElementsByTagName("AuthnContextClassRef", XmlNames.Saml)[0]!.InnerText = "urn:uk:gov:cabinet-office:tc:saml:authn-context:level4", SamlErrorCode.DigestMismatch),
        new("AttributeElementAdded", d => d.GetElementsByTagName("AttributeStatement", XmlNames.Saml)[0]!.AppendChild(d.GetElementsByTagName("Attribute", XmlNames.Saml)[0]!.CloneNode(deep: true)), SamlErrorCode.DigestMismatch),
        new("DigestValueChanged", d => Flip(AssertionSignaturePart(d, "DigestValue")), SamlErrorCode.DigestMismatch),
        new("SignatureValueOneBitFlipped", d => Flip(AssertionSignaturePart(d, "SignatureValue")), SamlErrorCode.SignatureValueInvalid),
        new("SignatureValueTruncated", d => AssertionSignaturePart(d, "SignatureValue").InnerText = AssertionSignaturePart(d, "SignatureValue").InnerText[..8], SamlErrorCode.SignatureValueInvalid),
        new("SignatureValueEmpty", d => AssertionSignaturePart(d, "SignatureValue").InnerText = "", SamlErrorCode.SignatureValueInvalid),
        new("NameIdChangedAndDigestRecomputed", d => { MakeEvil(Assertion(d)); AttackSigner.Redigest(Assertion(d), Signature(Assertion(d))); }, SamlErrorCode.SignatureValueInvalid),
        new("SignedInfoReformatted", d => AttackSigner.SignedInfo(Signature(Assertion(d))).PrependChild(d.CreateWhitespace("\n")), SamlErrorCode.SignatureValueInvalid),
    ];

    private static readonly TamperCase[] ResponseTampering =
    [
        new("ResponseDestinationChanged", d => d.DocumentElement!.SetAttribute("Destination", "https://evil.example/acs"), SamlErrorCode.DigestMismatch),
        new("ResponseStatusChanged", d => ((XmlElement)d.GetElementsByTagName("StatusCode", XmlNames.Samlp)[0]!).SetAttribute("Value", "urn:oasis:names:tc:SAML:2.0:status:Requester"), SamlErrorCode.DigestMismatch),
        new("ResponseInResponseToChanged", d => d.DocumentElement!.SetAttribute("InResponseTo", "_someone-elses-request"), SamlErrorCode.DigestMismatch),
        new("ResponseSignatureValueOneBitFlipped", d => Flip((XmlElement)Signature(d.DocumentElement!).GetElementsByTagName("SignatureValue", XmlNames.DSig)[0]!), SamlErrorCode.SignatureValueInvalid),
    ];

    private static IEnumerable<TestCaseData> OnAssertion() =>
        from attack in AssertionTampering
        from resigned in BothVariants
        select new TestCaseData(attack, resigned)
            .SetName($"Verify_Refuses{attack.Name}_{(resigned ? "ResponseResignedByIdpAfterTampering" : "OnlyAssertionSigned")}");

    private static IEnumerable<TestCaseData> OnResponse() =>
        ResponseTampering.Select(attack => new TestCaseData(attack).SetName($"Verify_Refuses{attack.Name}"));

    [Test]
    public void Verify_AcceptsTheUntouchedMessage_PositiveControl()
    {
        var verified = SignedResponseVerifier.Verify(FullySigned(), AttackKeys.IdpKeys());
        Assert.That(verified.Response?.Element.GetAttribute("ID"), Is.EqualTo(ResponseId));
    }

    [TestCaseSource(nameof(OnAssertion))]
    public void Verify_RefusesTamperedAssertion(TamperCase attack, bool resigned)
    {
        var document = AssertionSigned();
        attack.Tamper(document);
        if (resigned)
        {
            Sign(document.DocumentElement!);
        }

        var received = Reparse(document);
        Assert.Multiple(() =>
        {
            AttackAssert.Refuses(attack.Expected, () => XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()), "assertion");
            AttackAssert.Refuses(attack.Expected, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: resigned), "whole response");
        });
    }

    [TestCaseSource(nameof(OnResponse))]
    public void Verify_RefusesTamperedResponse(TamperCase attack)
    {
        var document = FullySigned();
        attack.Tamper(document);
        var received = Reparse(document);

        AttackAssert.Refuses(attack.Expected, () => XmlSignatureVerifier.Verify(received.DocumentElement!, AttackKeys.IdpKeys()), "response");
        AttackAssert.Refuses(attack.Expected, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys()), "whole response");
    }

    private static XmlElement AssertionSignaturePart(XmlDocument document, string localName) =>
        (XmlElement)Signature(Assertion(document)).GetElementsByTagName(localName, XmlNames.DSig)[0]!;

    private static void Flip(XmlElement base64Element)
    {
        var bytes = Convert.FromBase64String(base64Element.InnerText);
        bytes[^1] ^= 0x01;
        base64Element.InnerText = Convert.ToBase64String(bytes);
    }

    private static void Remove(XmlNode node) => node.ParentNode!.RemoveChild(node);
}
