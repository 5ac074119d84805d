using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// A 1024-bit RSA key (ARCHITECTURE.md: RSA keys under 2048 bits are refused). Our signer will not make
/// such a signature, so it is forged: a genuine RSA-SHA256 signature by the weak key, in the profile's
/// shape. Refused when the weak key is the one registered for the party (even beside a strong key during
/// a rollover), and explained as weak when it is only carried in KeyInfo.
/// </summary>
public sealed class WeakKeyAttackTests
{
    /// <summary>What the hub has registered for the IDP.</summary>
    public enum Registration
    {
        WhenTheWeakKeyIsRegistered,
        WhenRegisteredBesideAStrongKey,
        WhenOnlyInKeyInfo,
    }

    private static readonly bool[] BothVariants = [false, true];

    private static IEnumerable<TestCaseData> Registrations() =>
        from registration in Enum.GetValues<Registration>()
        from resigned in BothVariants
        select new TestCaseData(registration, resigned)
            .SetName($"Verify_RefusesRsa1024Signature_{registration}_{(resigned ? "ResponseResignedByIdpAfterTampering" : "OnlyAssertionSigned")}");

    [Test]
    public void SigningCredential_RefusesToSignWithA1024BitKey()
    {
        AttackAssert.Refuses(SamlErrorCode.SignatureKeyTooWeak, () => SigningCredential.FromCertificate(AttackKeys.Weak).Dispose());
    }

    [Test]
    public void ForgedRsa1024Signature_IsGenuine_StockSignedXmlAcceptsIt_Control()
    {
        var received = Reparse(WeaklySigned());
        var signedXml = new SignedXml(received);
        signedXml.LoadXml(Signature(Assertion(received)));

        Assert.That(AttackKeys.Weak.GetRSAPublicKey()!.KeySize, Is.EqualTo(1024));
        Assert.That(signedXml.CheckSignature(AttackKeys.Weak.GetRSAPublicKey()!), Is.True);
    }

    [TestCaseSource(nameof(Registrations))]
    public void Verify_RefusesRsa1024Signature(Registration registration, bool resigned)
    {
        var keys = registration switch
        {
            Registration.WhenTheWeakKeyIsRegistered => AttackKeys.KeysOf(AttackKeys.Weak),
            Registration.WhenRegisteredBesideAStrongKey => AttackKeys.KeysOf(AttackKeys.Weak, AttackKeys.Idp),
            _ => AttackKeys.IdpKeys(),
        };
        var document = WeaklySigned();
        if (resigned)
        {
            // The Response is signed by whichever strong key the party has; with only the weak key registered, none.
            Sign(document.DocumentElement!);
        }

        var received = Reparse(document);
        Assert.Multiple(() =>
        {
            AttackAssert.Refuses(SamlErrorCode.SignatureKeyTooWeak, () => XmlSignatureVerifier.Verify(Assertion(received), keys), "assertion");
            if (!resigned || registration != Registration.WhenTheWeakKeyIsRegistered)
            {
                AttackAssert.Refuses(SamlErrorCode.SignatureKeyTooWeak, () => SignedResponseVerifier.Verify(received, keys, requireSignedResponse: resigned), "whole response");
            }
        });
    }

    [Test]
    public void TrustedSigningKey_MarksA1024BitKeyWeak()
    {
        using var key = TrustedSigningKey.FromCertificate(AttackKeys.Weak);
        Assert.That(key.IsWeak, Is.True);
    }

    private static XmlDocument WeaklySigned()
    {
        var document = Unsigned();
        var weak = AttackKeys.Weak;
        AttackSigner.Forge(Assertion(document), signature => ReplaceCertificate(signature, weak), AttackSigner.Rsa(weak, HashAlgorithmName.SHA256));
        return document;
    }

    private static void ReplaceCertificate(XmlElement signature, X509Certificate2 certificate) =>
        signature.GetElementsByTagName("X509Certificate", XmlNames.DSig)[0]!.InnerText = Convert.ToBase64String(certificate.RawData);
}
