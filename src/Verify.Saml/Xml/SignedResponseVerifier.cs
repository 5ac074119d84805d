using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Xml.Encryption;

namespace Verify.Saml.Xml;

/// <summary>
/// Verifies the signatures of a samlp:Response the way the hub consumes one: the Response signature
/// (required unless the caller's profile allows an unsigned Response), and a signature on every
/// assertion, each by the expected party. Assertions are taken only as direct children of the
/// Response; an assertion anywhere else in the document is an injection attempt and is refused.
/// </summary>
public static class SignedResponseVerifier
{
    /// <summary>Most assertions accepted in one Response (Verify's IDP shape has two).</summary>
    public const int MaxAssertions = 4;

    /// <summary>Verifies <paramref name="document"/>; see the type remarks.</summary>
    /// <param name="document">A document read with <see cref="SecureXml"/>.</param>
    /// <param name="trustedKeys">The keys of the party expected to have signed it (from our request state, never from the message).</param>
    /// <param name="requireSignedResponse">Whether the Response element itself must be signed.</param>
    /// <param name="decryptionKeys">
    /// Our keys for encrypted assertions. Each saml:EncryptedAssertion child of the Response is decrypted in
    /// place after the Response signature (which covers the encrypted form) is verified and before the
    /// assertion signatures are; without keys an encrypted assertion is refused.
    /// </param>
    /// <exception cref="SamlException">A signature is missing or invalid, or an assertion is misplaced.</exception>
    public static SignedResponse Verify(XmlDocument document, TrustedKeySet trustedKeys, bool requireSignedResponse = true, IReadOnlyList<DecryptionKey>? decryptionKeys = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.DocumentElement;
        if (root is not { LocalName: "Response", NamespaceURI: XmlNames.Samlp })
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedRoot);
        }

        VerifiedElement? response = null;
        if (requireSignedResponse || XmlSignatureVerifier.HasEnvelopedSignature(root))
        {
            response = XmlSignatureVerifier.Verify(root, trustedKeys);
        }

        foreach (var encrypted in root.ChildNodes.OfType<XmlElement>()
            .Where(e => e is { LocalName: "EncryptedAssertion", NamespaceURI: XmlNames.Saml }).ToList())
        {
            if (decryptionKeys is null || decryptionKeys.Count == 0)
            {
                throw new SamlException(SamlErrorCode.EncryptionKeyMissing);
            }

            XmlDecryptor.DecryptAssertion(encrypted, decryptionKeys);
        }

        var assertions = new List<VerifiedElement>();
        // A tree walk, not GetElementsByTagName: that list registers for change events on the document
        // and keeps every message's DOM alive into the next GC generation (measured: ~140 gen1
        // collections per 1,000 verifications, none with the walk).
        foreach (var assertion in XmlIds.Descendants(root).Where(e => e is { LocalName: "Assertion", NamespaceURI: XmlNames.Saml }))
        {
            // SAML Core 3.3.3: assertions are children of the Response. XSW3–XSW8 hide an extra assertion
            // elsewhere (in Extensions, Advice, a ds:Object, another assertion) and hope it is read.
            if (!ReferenceEquals(assertion.ParentNode, root))
            {
                throw new SamlException(SamlErrorCode.MessageUnexpectedElement, "An assertion is not a direct child of the Response.");
            }

            if (assertions.Count == MaxAssertions)
            {
                throw new SamlException(SamlErrorCode.MessageUnexpectedElement, "Too many assertions.");
            }

            // Hub profile: every assertion is signed by the party that issued it, even inside a signed Response.
            assertions.Add(XmlSignatureVerifier.Verify(assertion, trustedKeys));
        }

        // Fail closed: a Response with neither a signature of its own nor a signed assertion proves
        // nothing about who sent it, so not even its Status may be acted on.
        if (response is null && assertions.Count == 0)
        {
            throw new SamlException(SamlErrorCode.SignatureMissing, "Nothing in the Response is signed.");
        }

        return new SignedResponse(response, assertions);
    }
}
