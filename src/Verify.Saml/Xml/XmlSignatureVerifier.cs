using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Trust;

namespace Verify.Saml.Xml;

/// <summary>
/// Verifies an enveloped XML signature against the keys trusted for one party, to our profile
/// (<see cref="XmlSignature"/>), on the DOM the message was parsed into. Returns the element that was
/// verified; callers read the message from it and from nothing else.
/// </summary>
public static class XmlSignatureVerifier
{
    /// <summary>Verifies the signature that <paramref name="element"/> carries as a direct child.</summary>
    /// <param name="element">The element the caller is about to use (a Response, an Assertion, metadata…).</param>
    /// <param name="trustedKeys">The keys trusted for the party the caller expects to have signed it.</param>
    /// <returns>The verified element.</returns>
    /// <exception cref="SamlException">The element is not validly signed by that party; the code says why.</exception>
    public static VerifiedElement Verify(XmlElement element, TrustedKeySet trustedKeys)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(trustedKeys);

        var signatureElement = FindEnvelopedSignature(element);
        var signature = XmlSignature.Read(signatureElement);

        // SAML Core 5.4.2: the Reference identifies the element that contains the signature, by its ID,
        // and that ID is unique in the document (XSW defence: no second element can answer to it).
        var elementId = XmlIds.IdOf(element) ?? throw new SamlException(SamlErrorCode.IdMissing);
        var referenced = XmlIds.FindUnique(element.OwnerDocument, signature.ReferenceId);
        if (!ReferenceEquals(referenced, element) || !string.Equals(elementId, signature.ReferenceId, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.SignatureReferenceNotParent);
        }

        // XMLDSig 3.2.1 reference validation.
        var digestHash = SignatureAlgorithms.DigestMethod(signature.DigestMethod);
        var digest = ExclusiveCanonicalizer.Digest(element, signatureElement, signature.ReferencePrefixes, digestHash);
        if (!CryptographicOperations.FixedTimeEquals(digest, signature.DigestValue))
        {
            throw new SamlException(SamlErrorCode.DigestMismatch);
        }

        // XMLDSig 3.2.2 signature validation, with the party's keys only.
        var (hash, kind) = SignatureAlgorithms.SignatureMethod(signature.SignatureMethod);
        var signedInfo = ExclusiveCanonicalizer.Canonicalize(signature.SignedInfo, signature.SignedInfoPrefixes);
        var sawWeakKey = false;
        foreach (var key in trustedKeys.Keys)
        {
            if (!Matches(key, kind))
            {
                continue;
            }

            if (key.IsWeak)
            {
                sawWeakKey |= VerifyWith(key.Rsa, key.Ecdsa, signedInfo, signature.SignatureValue, hash);
                continue;
            }

            if (VerifyWith(key.Rsa, key.Ecdsa, signedInfo, signature.SignatureValue, hash))
            {
                return new VerifiedElement(element, trustedKeys.PartyId, key, signature.SignatureMethod, signature.DigestMethod);
            }
        }

        throw Explain(signature, signedInfo, hash, sawWeakKey, trustedKeys.Keys.Where(k => Matches(k, kind)));
    }

    /// <summary>Whether <paramref name="element"/> already carries a ds:Signature as a direct child.</summary>
    internal static bool HasEnvelopedSignature(XmlElement element)
    {
        foreach (XmlNode child in element.ChildNodes)
        {
            if (child is XmlElement { LocalName: "Signature", NamespaceURI: XmlNames.DSig })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one ds:Signature that is a direct child of <paramref name="element"/>.</summary>
    internal static XmlElement FindEnvelopedSignature(XmlElement element)
    {
        XmlElement? found = null;
        foreach (XmlNode child in element.ChildNodes)
        {
            if (child is XmlElement { LocalName: "Signature", NamespaceURI: XmlNames.DSig } signature)
            {
                if (found is not null)
                {
                    throw new SamlException(SamlErrorCode.SignatureMultiple);
                }

                found = signature;
            }
        }

        return found ?? throw new SamlException(SamlErrorCode.SignatureMissing);
    }

    private static bool Matches(TrustedSigningKey key, SignatureAlgorithms.KeyKind kind) =>
        kind == SignatureAlgorithms.KeyKind.Rsa ? key.Rsa is not null : key.Ecdsa is not null;

    private static bool VerifyWith(RSA? rsa, ECDsa? ecdsa, byte[] data, byte[] signature, HashAlgorithmName hash)
    {
        try
        {
            return rsa is not null
                ? rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1)
                : ecdsa!.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Chooses the error for a signature no trusted key verified. The KeyInfo certificate is consulted
    /// only to explain the refusal to an integrator (a weak key, or someone else's key); it never
    /// makes a signature acceptable.
    /// </summary>
    private static SamlException Explain(XmlSignature signature, byte[] signedInfo, HashAlgorithmName hash, bool sawWeakKey, IEnumerable<TrustedSigningKey> candidates)
    {
        if (sawWeakKey)
        {
            return new SamlException(SamlErrorCode.SignatureKeyTooWeak);
        }

        if (signature.KeyInfoCertificate is { } base64)
        {
            try
            {
                using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));
                using var rsa = certificate.GetRSAPublicKey();
                using var ecdsa = rsa is null ? certificate.GetECDsaPublicKey() : null;
                var registered = candidates.Any(k => k.Certificate is not null
                    && string.Equals(k.Thumbprint, certificate.GetCertHashString(HashAlgorithmName.SHA256), StringComparison.Ordinal));
                if (registered)
                {
                    // The sender names a registered certificate, but its key did not produce this value:
                    // the signature (or the SignedInfo it covers) was altered.
                    return new SamlException(SamlErrorCode.SignatureValueInvalid);
                }

                if (VerifyWith(rsa, ecdsa, signedInfo, signature.SignatureValue, hash))
                {
                    return rsa is not null && rsa.KeySize < TrustedSigningKey.MinimumRsaKeySize
                        ? new SamlException(SamlErrorCode.SignatureKeyTooWeak)
                        : new SamlException(SamlErrorCode.SignatureNoTrustedKey, "The certificate in KeyInfo is not one registered for this party.");
                }
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException)
            {
                // An unreadable KeyInfo explains nothing; fall through.
            }
        }

        return new SamlException(SamlErrorCode.SignatureNoTrustedKey);
    }
}
