using System.Security.Cryptography;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Xml.Encryption;

/// <summary>
/// Decrypts SAML encrypted elements with our own XML Encryption 1.1 reader (never
/// <c>EncryptedXml</c>, which follows references, accepts CBC and RSA v1.5, and has no GCM). The
/// decrypted element replaces the encrypted one in the same document, so the signature check that
/// must follow runs on the DOM the caller already holds.
/// </summary>
/// <remarks>
/// Decryption proves nothing about who wrote the assertion: anyone with our public key can encrypt.
/// The caller verifies the decrypted assertion's signature next (SAML Core 6.2), and an unsigned
/// assertion is refused there.
/// </remarks>
public static class XmlDecryptor
{
    /// <summary>
    /// Decrypts a saml:EncryptedAssertion (SAML Core 2.3.4) and puts the saml:Assertion in its place.
    /// </summary>
    /// <param name="encryptedAssertion">The saml:EncryptedAssertion, inside the message document.</param>
    /// <param name="keys">Our current private keys for this role; each is tried (a key rollover).</param>
    /// <param name="options">Limits for reading the decrypted XML; <see cref="SecureXmlOptions.Default"/> if null.</param>
    /// <returns>The decrypted saml:Assertion, now in the document where the EncryptedAssertion was.</returns>
    /// <exception cref="SamlException">Refused; <see cref="SamlErrorCode.EncryptionCouldNotDecrypt"/> for any key or tag failure.</exception>
    public static XmlElement DecryptAssertion(XmlElement encryptedAssertion, IReadOnlyList<DecryptionKey> keys, SecureXmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(encryptedAssertion);
        if (encryptedAssertion is not { LocalName: "EncryptedAssertion", NamespaceURI: XmlNames.Saml })
        {
            throw new ArgumentException("The element is not a saml:EncryptedAssertion.", nameof(encryptedAssertion));
        }

        return DecryptElement(encryptedAssertion, keys, XmlNames.Saml, "Assertion", options);
    }

    /// <summary>
    /// Decrypts any SAML encrypted element (SAML Core 2.2.4 EncryptedElementType) whose plaintext must be
    /// one <paramref name="expectedLocalName"/> element, and puts that element in its place.
    /// </summary>
    /// <exception cref="SamlException">Refused; the code says why.</exception>
    public static XmlElement DecryptElement(
        XmlElement encryptedElement, IReadOnlyList<DecryptionKey> keys, string expectedNamespace, string expectedLocalName, SecureXmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrEmpty(expectedLocalName);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one decryption key is needed.", nameof(keys));
        }

        // Structure and algorithm refusals first: none of them depends on our keys.
        var parts = EncryptedElementReader.Read(encryptedElement);
        var plaintext = Decrypt(parts, keys)
            ?? throw new SamlException(SamlErrorCode.EncryptionCouldNotDecrypt);
        XmlElement decrypted;
        try
        {
            decrypted = DecryptedPayload.Parse(plaintext, encryptedElement, expectedNamespace, expectedLocalName, options);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        if (encryptedElement.ParentNode is { } parent)
        {
            parent.ReplaceChild(decrypted, encryptedElement);
        }
        else
        {
            decrypted.ParentNode?.RemoveChild(decrypted);
        }

        return decrypted;
    }

    /// <summary>
    /// Tries every EncryptedKey with every key (the one its KeyInfo names first). A key that will not
    /// unwrap and a tag that will not verify end the same way, with null: XML Encryption 1.1's security
    /// considerations (chosen-ciphertext attacks, error messages) warn
    /// that telling them apart gives an attacker a decryption oracle.
    /// </summary>
    private static byte[]? Decrypt(EncryptedElementParts parts, IReadOnlyList<DecryptionKey> keys)
    {
        foreach (var encryptedKey in parts.Keys)
        {
            foreach (var key in keys.OrderByDescending(k => k.IsNamedBy(encryptedKey.RecipientCertificate)))
            {
                byte[] contentKey;
                try
                {
                    contentKey = key.PrivateKey.Decrypt(encryptedKey.CipherValue, encryptedKey.Padding);
                }
                catch (CryptographicException)
                {
                    continue;
                }

                try
                {
                    if (AesGcmCipher.TryDecrypt(contentKey, parts.CipherValue, parts.Algorithm) is { } plaintext)
                    {
                        return plaintext;
                    }
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(contentKey);
                }
            }
        }

        return null;
    }
}
