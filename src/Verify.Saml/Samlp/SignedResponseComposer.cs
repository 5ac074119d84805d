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
}
