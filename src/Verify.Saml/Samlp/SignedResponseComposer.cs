using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.Saml.Samlp;

/// <summary>
/// Writes a Response the way every peer accepts it (INTEROP.md "What our messages must look like"): each Assertion
/// signed, then encrypted for the recipient (AES-GCM, rsa-oaep-mgf1p, the Assertion declaring its own namespaces),
/// then the Response signed. A failure Response carries no assertion and is signed all the same.
/// </summary>
public static class SignedResponseComposer
{
    /// <summary>The Response of <paramref name="response"/> with <paramref name="assertions"/>, signed and encrypted.</summary>
    /// <param name="response">The Response without assertions (its Assertions and EncryptedAssertions must be empty).</param>
    /// <param name="assertions">The assertions to sign and encrypt, in order.</param>
    /// <param name="signer">The sender's signing key (Response and every Assertion).</param>
    /// <param name="recipient">The recipient's encryption key; null only when <paramref name="assertions"/> is empty.</param>
    /// <param name="algorithm">The data encryption algorithm.</param>
    public static XmlDocument Compose(
        Response response,
        IReadOnlyList<Assertion> assertions,
        SigningCredential signer,
        EncryptionRecipient? recipient,
        DataEncryptionAlgorithm algorithm = DataEncryptionAlgorithm.Aes256Gcm)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(assertions);
        ArgumentNullException.ThrowIfNull(signer);
        if (response.Assertions.Count > 0 || response.EncryptedAssertions.Count > 0)
        {
            throw new ArgumentException("Pass the assertions separately: they are signed and encrypted here.", nameof(response));
        }

        if (assertions.Count > 0 && recipient is null)
        {
            throw new ArgumentNullException(nameof(recipient), "Assertions are always encrypted for their recipient.");
        }

        var encrypted = new List<XmlElement>(assertions.Count);
        foreach (var assertion in assertions)
        {
            var document = SamlXmlWriter.WriteAssertion(assertion);
            XmlSigner.Sign(document.DocumentElement!, signer);
            encrypted.Add(XmlEncryptor.EncryptAssertion(document.DocumentElement!, recipient!, algorithm));
        }

        var message = SamlXmlWriter.WriteResponse(response with { EncryptedAssertions = encrypted });
        XmlSigner.Sign(message.DocumentElement!, signer);
        return message;
    }

    /// <summary>
    /// End-to-end trust (ARCHITECTURE.md step 5): the Response relaying <paramref name="signedAssertions"/> exactly as
    /// their issuer signed them (a matching service's), never re-signed, each encrypted for the recipient (the
    /// assertion declaring its own namespaces, so its signature still verifies after decryption); only the Response
    /// is signed by <paramref name="signer"/>.
    /// </summary>
    /// <param name="response">The Response without assertions.</param>
    /// <param name="signedAssertions">The signed <c>saml:Assertion</c> elements, as verified; their documents are not changed.</param>
    /// <param name="signer">The relaying party's signing key, for the Response.</param>
    /// <param name="recipient">The recipient's encryption key.</param>
    /// <param name="algorithm">The data encryption algorithm.</param>
    public static XmlDocument ComposeRelayed(
        Response response,
        IReadOnlyList<XmlElement> signedAssertions,
        SigningCredential signer,
        EncryptionRecipient recipient,
        DataEncryptionAlgorithm algorithm = DataEncryptionAlgorithm.Aes256Gcm)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(signedAssertions);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(recipient);
        if (response.Assertions.Count > 0 || response.EncryptedAssertions.Count > 0)
        {
            throw new ArgumentException("Pass the assertions separately: they are encrypted here.", nameof(response));
        }

        if (signedAssertions.Any(a => a is not { LocalName: "Assertion", NamespaceURI: XmlNames.Saml }))
        {
            throw new ArgumentException("Every relayed element must be a saml:Assertion.", nameof(signedAssertions));
        }

        var encrypted = new List<XmlElement>(signedAssertions.Count);
        foreach (var assertion in signedAssertions)
        {
            var encryptedData = XmlEncryptor.EncryptElement(assertion, recipient, algorithm);
            var wrapper = encryptedData.OwnerDocument.CreateElement("saml", "EncryptedAssertion", XmlNames.Saml);
            wrapper.SetAttribute("xmlns:saml", XmlNames.Saml);
            wrapper.AppendChild(encryptedData);
            encrypted.Add(wrapper);
        }

        var message = SamlXmlWriter.WriteResponse(response with { EncryptedAssertions = encrypted });
        XmlSigner.Sign(message.DocumentElement!, signer);
        return message;
    }
}
