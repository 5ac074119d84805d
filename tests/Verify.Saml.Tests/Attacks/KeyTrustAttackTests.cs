using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// Signatures that are cryptographically perfect but made by the wrong key (ARCHITECTURE.md: signatures
/// are checked against the key registered for that party, never a key carried in the message). Each is
/// applied to the assertion (Response unsigned, or signed by the IDP afterwards) and to the Response
/// (its assertion signed by the IDP).
/// </summary>
public sealed class KeyTrustAttackTests
{
    public sealed record KeyCase(string Name, Action<XmlElement> SignAs, SamlErrorCode Expected = SamlErrorCode.SignatureNoTrustedKey)
    {
        public override string ToString() => Name;
    }

    public enum Target
    {
        OnlyAssertionSigned,
        AssertionThenResponseResignedByIdp,
        ResponseOverIdpSignedAssertion,
    }

    private static readonly KeyCase[] Catalogue =
    [
        new("AttackerSelfSignedCertificate", e => Sign(e, AttackKeys.Attacker)),
        new("ImpostorCloneOfTheIdpCertificate_SameSubjectAndSerial", e => Sign(e, AttackKeys.IdpClone)),
        new("AnotherFederationMembersValidSignature_TestRp", e => Sign(e, AttackKeys.Rp)),
        new("IdpCertificateInKeyInfo_SignedWithAttackerKey", e => AttackSigner.Forge(e, _ => { }, AttackSigner.Rsa(AttackKeys.Attacker, HashAlgorithmName.SHA256)), SamlErrorCode.SignatureValueInvalid),
        new("NoKeyInfo_SignedWithAttackerKey", e => AttackSigner.Forge(e, RemoveKeyInfo, AttackSigner.Rsa(AttackKeys.Attacker, HashAlgorithmName.SHA256), AttackKeys.Attacker)),
        new("AttackerRsaKeyValueInKeyInfo", e => AttackSigner.Forge(e, s => ReplaceKeyInfo(s, AttackKeys.Attacker.GetRSAPublicKey()!.ToXmlString(false)), AttackSigner.Rsa(AttackKeys.Attacker, HashAlgorithmName.SHA256), AttackKeys.Attacker)),
        new("AttackerEcdsaCertificate", e => Sign(e, AttackKeys.AttackerEcdsa)),
    ];

    private static IEnumerable<TestCaseData> Attacks() =>
        from attack in Catalogue
        from target in Enum.GetValues<Target>()
        select new TestCaseData(attack, target).SetName($"Verify_RefusesSignatureBy{attack.Name}_{target}");

    [Test]
    public void Verify_AcceptsTheIdpSignature_EvenThoughKeyInfoNamesTheAttacker_PositiveControl()
    {
        // KeyInfo decides nothing: the IDP's own signature verifies whatever certificate rides along.
        var document = Unsigned();
        AttackSigner.Forge(Assertion(document), _ => { }, AttackSigner.Rsa(AttackKeys.Idp, HashAlgorithmName.SHA256), AttackKeys.Attacker);
        var received = Reparse(document);

        var verified = XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys());
        Assert.That(verified.Key.Thumbprint, Is.EqualTo(AttackKeys.IdpKeys().Keys[0].Thumbprint));
    }

    [Test]
    public void Verify_AcceptsTheIdpDuringARollover_ButNotTheAttacker()
    {
        var keys = AttackKeys.KeysOf(AttackKeys.Weak, AttackKeys.Rp, AttackKeys.Idp);
        var document = Unsigned();
        Sign(Assertion(document));
        var attacked = Unsigned();
        Sign(Assertion(attacked), AttackKeys.IdpClone);

        Assert.That(XmlSignatureVerifier.Verify(Assertion(Reparse(document)), keys).Element.GetAttribute("ID"), Is.EqualTo(AssertionId));
        AttackAssert.Refuses(SamlErrorCode.SignatureNoTrustedKey, () => XmlSignatureVerifier.Verify(Assertion(Reparse(attacked)), AttackKeys.KeysOf(AttackKeys.Rp, AttackKeys.Idp)));
    }

    [TestCaseSource(nameof(Attacks))]
    public void Verify_RefusesAValidSignatureByAnUntrustedKey(KeyCase attack, Target target)
    {
        var document = Unsigned();
        if (target == Target.ResponseOverIdpSignedAssertion)
        {
            Sign(Assertion(document));
            attack.SignAs(document.DocumentElement!);
        }
        else
        {
            attack.SignAs(Assertion(document));
            if (target == Target.AssertionThenResponseResignedByIdp)
            {
                Sign(document.DocumentElement!);
            }
        }

        var received = Reparse(document);
        var attacked = target == Target.ResponseOverIdpSignedAssertion ? received.DocumentElement! : Assertion(received);
        Assert.Multiple(() =>
        {
            AttackAssert.Refuses(attack.Expected, () => XmlSignatureVerifier.Verify(attacked, AttackKeys.IdpKeys()), "attacked element");
            AttackAssert.Refuses(attack.Expected, () => SignedResponseVerifier.Verify(received, AttackKeys.IdpKeys(), requireSignedResponse: target != Target.OnlyAssertionSigned), "whole response");
        });
    }

    private static void RemoveKeyInfo(XmlElement signature) =>
        signature.RemoveChild(signature.GetElementsByTagName("KeyInfo", XmlNames.DSig)[0]!);

    private static void ReplaceKeyInfo(XmlElement signature, string keyValueXml)
    {
        var keyInfo = (XmlElement)signature.GetElementsByTagName("KeyInfo", XmlNames.DSig)[0]!;
        keyInfo.InnerXml = $"<ds:KeyValue xmlns:ds=\"{XmlNames.DSig}\">{keyValueXml.Replace("<", "<ds:", StringComparison.Ordinal).Replace("<ds:/", "</ds:", StringComparison.Ordinal)}</ds:KeyValue>";
    }
}
