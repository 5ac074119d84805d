using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Metadata;

/// <summary>
/// Signs federation metadata: what the operator's offline signer (<c>verify metadata sign</c>) does with the
/// metadata-signing key, so that a compromised hub cannot publish a key of its own for an IDP. The signature is an
/// enveloped one over the root (an <c>md:EntitiesDescriptor</c> or <c>md:EntityDescriptor</c>), placed as its first
/// child as SAML Metadata 2.3.1/2.3.2 require, in the profile <see cref="XmlSigner"/> writes.
/// </summary>
public static class MetadataSigner
{
    /// <summary>
    /// Sets <c>validUntil</c> when <paramref name="validUntil"/> is given, gives the root an <c>ID</c> when it has
    /// none, and signs the root in place.
    /// </summary>
    /// <param name="document">The metadata; its root must not be signed yet.</param>
    /// <param name="credential">The metadata-signing key and certificate (the certificate goes into KeyInfo).</param>
    /// <param name="validUntil">The new <c>validUntil</c>, or null to keep the one the document has.</param>
    /// <returns>The inserted <c>ds:Signature</c>.</returns>
    /// <exception cref="SamlException">
    /// The root is not metadata, is already signed, or would be signed without a <c>validUntil</c>: signed metadata
    /// that never expires could be replayed forever with a retired key in it (SAML Metadata Interoperability Profile).
    /// </exception>
    public static XmlElement Sign(XmlDocument document, SigningCredential credential, DateTimeOffset? validUntil = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(credential);
        var root = document.DocumentElement ?? throw new SamlException(SamlErrorCode.XmlEmpty);
        if (root.NamespaceURI != XmlNames.Metadata || root.LocalName is not ("EntitiesDescriptor" or "EntityDescriptor"))
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedRoot, "Expected md:EntitiesDescriptor or md:EntityDescriptor.");
        }

        if (XmlSignatureVerifier.HasEnvelopedSignature(root))
        {
            throw new SamlException(SamlErrorCode.SignatureMultiple, "The metadata is already signed.");
        }

        if (validUntil is { } time)
        {
            root.SetAttribute("validUntil", FormatTime(time));
        }
        else if (!root.HasAttribute("validUntil"))
        {
            throw new SamlException(SamlErrorCode.MetadataValidUntilMissing);
        }

        if (XmlIds.IdOf(root) is null)
        {
            root.SetAttribute("ID", SamlIds.NewId());
        }

        return XmlSigner.Sign(root, credential);
    }
}
