using System.Security.Cryptography;

using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Xml;

namespace Verify.Saml.Bindings;

/// <summary>
/// The HTTP-Redirect signature (SAML Bindings 3.4.4.1): a plain signature over the query octets, made
/// with the algorithm named in <c>SigAlg</c>. The same allow-list as XML signatures applies
/// (<see cref="SignatureAlgorithms"/>), and only the keys trusted for the expected party are tried.
/// </summary>
internal static class RedirectSignature
{
    /// <summary>Checks <paramref name="sigAlg"/> against the allow-list: RSA-SHA256/384/512, ECDSA-SHA256.</summary>
    /// <exception cref="SamlException"><see cref="SamlErrorCode.BindingSignatureAlgorithmNotAllowed"/>.</exception>
    public static (HashAlgorithmName Hash, SignatureAlgorithms.KeyKind Kind) Algorithm(string? sigAlg)
    {
        try
        {
            return SignatureAlgorithms.SignatureMethod(sigAlg);
        }
        catch (SamlException ex)
        {
            throw new SamlException(SamlErrorCode.BindingSignatureAlgorithmNotAllowed, inner: ex);
        }
    }

    /// <summary>Finds the trusted key that made <paramref name="signature"/> over <paramref name="octets"/>.</summary>
    /// <exception cref="SamlException">
    /// <see cref="SamlErrorCode.BindingSignatureInvalid"/> when no trusted key verifies, or
    /// <see cref="SamlErrorCode.SignatureKeyTooWeak"/> when only a key too weak to trust does.
    /// </exception>
    public static TrustedSigningKey Verify(byte[] octets, byte[] signature, string sigAlg, TrustedKeySet trustedKeys)
    {
        var (hash, kind) = Algorithm(sigAlg);
        var sawWeakKey = false;
        foreach (var key in trustedKeys.Keys)
        {
            var verified = kind == SignatureAlgorithms.KeyKind.Rsa
                ? key.Rsa is { } rsa && VerifyRsa(rsa, octets, signature, hash)
                : key.Ecdsa is { } ecdsa && VerifyEcdsa(ecdsa, octets, signature, hash);
            if (verified && key.IsWeak)
            {
                sawWeakKey = true;
            }
            else if (verified)
            {
                return key;
            }
        }

        throw new SamlException(sawWeakKey ? SamlErrorCode.SignatureKeyTooWeak : SamlErrorCode.BindingSignatureInvalid);
    }

    private static bool VerifyRsa(RSA rsa, byte[] octets, byte[] signature, HashAlgorithmName hash)
    {
        try
        {
            return rsa.VerifyData(octets, signature, hash, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// XML Signature (RFC 4051 3.3) writes an ECDSA signature as r ‖ s, which is what we send. Senders
    /// whose platform emits the DER sequence instead (Java's SHA256withECDSA) are accepted too: both
    /// encode the same (r, s), so accepting either gives an attacker nothing.
    /// </summary>
    private static bool VerifyEcdsa(ECDsa ecdsa, byte[] octets, byte[] signature, HashAlgorithmName hash)
    {
        try
        {
            return ecdsa.VerifyData(octets, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                || ecdsa.VerifyData(octets, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
