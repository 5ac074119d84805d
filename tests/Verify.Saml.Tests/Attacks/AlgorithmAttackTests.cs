using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Attacks;

/// <summary>
/// Downgrades of the signature and digest algorithms (ARCHITECTURE.md: SHA-1 as a signature or digest
/// method and RSA keys under 2048 bits are refused; HMAC has no place where keys are per party and public).
/// The forged signatures are genuine for the algorithm they declare (see the SignedXml control), so the
/// refusal is policy, not a broken signature.
/// </summary>
public sealed class AlgorithmAttackTests
{
    public const string HmacSha256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256";
    public const string RsaMd5 = "http://www.w3.org/2001/04/xmldsig-more#rsa-md5";
    public const string Md5 = "http://www.w3.org/2001/04/xmldsig-more#md5";
    public const string Sha224 = "http://www.w3.org/2001/04/xmldsig-more#sha224";
    public const string DsaSha1 = "http://www.w3.org/2000/09/xmldsig#dsa-sha1";
    public const string EcdsaSha1 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1";
    public const string RsaPssSha256 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";

    public sealed record AlgorithmCase(string Name, Action<XmlElement> Mutate, Func<byte[], byte[]> Sign, SamlErrorCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly bool[] BothVariants = [false, true];

    private static readonly Func<byte[], byte[]> IdpSha256 = AttackSigner.Rsa(AttackKeys.Idp, HashAlgorithmName.SHA256);
    private static readonly Func<byte[], byte[]> IdpSha1 = AttackSigner.Rsa(AttackKeys.Idp, HashAlgorithmName.SHA1);

    /// <summary>The classic HMAC key confusion: the "secret" is the IDP's public certificate, which everyone has.</summary>
    private static readonly Func<byte[], byte[]> HmacWithIdpCertificate = AttackSigner.HmacSha1(AttackKeys.Idp.RawData);

    private static readonly AlgorithmCase[] Catalogue =
    [
        new("RsaSha1SignatureMethod", s => Method(s, XmlNames.RsaSha1), IdpSha1, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("Sha1DigestMethod", s => Digest(s, XmlNames.Sha1), IdpSha256, SamlErrorCode.DigestAlgorithmNotAllowed),
        new("RsaSha1WithSha1Digest", s => { Method(s, XmlNames.RsaSha1); Digest(s, XmlNames.Sha1); }, IdpSha1, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("HmacSha1KeyedWithTheIdpCertificate", s => Method(s, XmlNames.HmacSha1), HmacWithIdpCertificate, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("HmacSha1TruncatedToZeroBits", s => Method(s, XmlNames.HmacSha1, "0"), _ => [], SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("HmacSha1WithFullOutputLength", s => Method(s, XmlNames.HmacSha1, "160"), HmacWithIdpCertificate, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("HmacSha256", s => Method(s, HmacSha256), data => HMACSHA256.HashData(AttackKeys.Idp.RawData, data), SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("RsaSha256WithHmacOutputLengthParameter", s => Method(s, XmlNames.RsaSha256, "8"), IdpSha256, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("RsaMd5SignatureMethod", s => Method(s, RsaMd5), IdpSha256, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("DsaSha1SignatureMethod", s => Method(s, DsaSha1), IdpSha256, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("EcdsaSha1SignatureMethod", s => Method(s, EcdsaSha1), IdpSha256, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("RsaPssSignatureMethod", s => Method(s, RsaPssSha256), IdpSha256, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("SignatureMethodUriInOtherCase", s => Method(s, XmlNames.RsaSha256.ToUpperInvariant()), IdpSha256, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("SignatureMethodWithoutAlgorithm", s => AttackSigner.SignatureMethod(s).RemoveAttribute("Algorithm"), IdpSha256, SamlErrorCode.SignatureAlgorithmNotAllowed),
        new("Md5DigestMethod", s => Digest(s, Md5), IdpSha256, SamlErrorCode.DigestAlgorithmNotAllowed),
        new("Sha224DigestMethod", s => Digest(s, Sha224), IdpSha256, SamlErrorCode.DigestAlgorithmNotAllowed),
        new("DigestMethodWithoutAlgorithm", s => AttackSigner.DigestMethod(s).RemoveAttribute("Algorithm"), IdpSha256, SamlErrorCode.DigestAlgorithmNotAllowed),

        // Algorithm confusion: an ECDSA method over an RSA signature value finds no ECDSA key for the party.
        new("EcdsaMethodOverAnRsaSignature", s => Method(s, XmlNames.EcdsaSha256), IdpSha256, SamlErrorCode.SignatureNoTrustedKey),
    ];

    private static IEnumerable<TestCaseData> Attacks() =>
        from attack in Catalogue
        from resigned in BothVariants
        select new TestCaseData(attack, resigned)
            .SetName($"Verify_Refuses{attack.Name}_{(resigned ? "ResponseResignedByIdpAfterTampering" : "OnlyAssertionSigned")}");

    [Test]
    public void ForgedSha1Signature_IsGenuine_StockSignedXmlAcceptsIt_Control()
    {
        var document = Unsigned();
        AttackSigner.Forge(Assertion(document), s => { Method(s, XmlNames.RsaSha1); Digest(s, XmlNames.Sha1); }, IdpSha1);
        var received = Reparse(document);
        var signedXml = new SignedXml(received);
        signedXml.LoadXml(Signature(Assertion(received)));

        Assert.That(signedXml.CheckSignature(AttackKeys.Idp.GetRSAPublicKey()!), Is.True, "a permissive verifier would accept this SHA-1 signature");
        AttackAssert.Refuses(SamlErrorCode.SignatureAlgorithmNotAllowed, () => XmlSignatureVerifier.Verify(Assertion(received), AttackKeys.IdpKeys()));
    }

    [TestCaseSource(nameof(Attacks))]
    public void Verify_RefusesAlgorithmDowngrade(AlgorithmCase attack, bool resigned)
    {
        var document = Unsigned();
        AttackSigner.Forge(Assertion(document), attack.Mutate, attack.Sign);
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

    private static void Method(XmlElement signature, string algorithm, string? hmacOutputLength = null)
    {
        var method = AttackSigner.SignatureMethod(signature);
        method.SetAttribute("Algorithm", algorithm);
        if (hmacOutputLength is not null)
        {
            method.AppendChild(Ds(signature.OwnerDocument, "HMACOutputLength"))!.InnerText = hmacOutputLength;
        }
    }

    private static void Digest(XmlElement signature, string algorithm) => AttackSigner.DigestMethod(signature).SetAttribute("Algorithm", algorithm);
}
