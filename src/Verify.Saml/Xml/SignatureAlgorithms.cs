using System.Security.Cryptography;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml;

/// <summary>
/// The signature and digest algorithms our profile accepts. SHA-1 and HMAC are refused outright
/// (ARCHITECTURE.md: SHA-1 as a signature or digest method is refused; HMAC has no place where keys are
/// per party and public).
/// </summary>
internal static class SignatureAlgorithms
{
    internal enum KeyKind
    {
        Rsa,
        Ecdsa,
    }

    /// <summary>Signature method URI → hash and key kind, or a refusal.</summary>
    public static (HashAlgorithmName Hash, KeyKind Kind) SignatureMethod(string? uri) => uri switch
    {
        XmlNames.RsaSha256 => (HashAlgorithmName.SHA256, KeyKind.Rsa),
        XmlNames.RsaSha384 => (HashAlgorithmName.SHA384, KeyKind.Rsa),
        XmlNames.RsaSha512 => (HashAlgorithmName.SHA512, KeyKind.Rsa),
        XmlNames.EcdsaSha256 => (HashAlgorithmName.SHA256, KeyKind.Ecdsa),
        _ => throw new SamlException(SamlErrorCode.SignatureAlgorithmNotAllowed),
    };

    /// <summary>Digest method URI → hash, or a refusal.</summary>
    public static HashAlgorithmName DigestMethod(string? uri) => uri switch
    {
        XmlNames.Sha256 => HashAlgorithmName.SHA256,
        XmlNames.Sha384 => HashAlgorithmName.SHA384,
        XmlNames.Sha512 => HashAlgorithmName.SHA512,
        _ => throw new SamlException(SamlErrorCode.DigestAlgorithmNotAllowed),
    };

    /// <summary>The digest URI for a hash we sign with.</summary>
    public static string DigestUri(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA256 ? XmlNames.Sha256
        : hash == HashAlgorithmName.SHA384 ? XmlNames.Sha384
        : hash == HashAlgorithmName.SHA512 ? XmlNames.Sha512
        : throw new SamlException(SamlErrorCode.DigestAlgorithmNotAllowed);
}
