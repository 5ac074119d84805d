using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.Hub.Matching;

/// <summary>
/// Keeps signed assertions in a journey without keeping them readable (ADR 0018): the IDP's assertions until the
/// matching service has answered, the matching service's assertion until the RP is answered. Each is encrypted, as it
/// was verified, for the hub's own encryption key (AES-256-GCM, rsa-oaep-mgf1p, declaring its own namespaces), so the
/// journey store (Redis) holds ciphertext that any hub node, and only a hub node, can open. Opening gives back the
/// exact signed element: its signature still verifies, so it is relayed, never re-signed.
/// </summary>
internal sealed class SealedAssertions(HubOptions options, IReadOnlyList<DecryptionKey> keys) : IDisposable
{
    /// <summary>The longest sealed value: what a journey keeps of opaque data (the journey library refuses more).</summary>
    public const int MaxLength = 256 * 1024;

    private const string Namespace = "urn:uk:gov:verify:hub:sealed-assertions";

    private const string OidcRoot = "SealedOidcEvidence";

    /// <summary>The hub's own encryption key, parsed once (the hub's certificates are fixed for the process).</summary>
    private readonly EncryptionRecipient _hub = EncryptionRecipient.FromCertificate(options.EncryptionCertificates[0]);

    /// <summary>The assertions, sealed for the hub, as one string to store.</summary>
    /// <exception cref="SamlException">Sealed, they are too large to keep with a journey.</exception>
    public string Seal(IEnumerable<XmlElement> assertions)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.CreateElement("hub", "SealedAssertions", Namespace);
        document.AppendChild(root);
        foreach (var assertion in assertions)
        {
            var encrypted = XmlEncryptor.EncryptElement(assertion, _hub);
            var wrapper = document.CreateElement("saml", "EncryptedAssertion", XmlNames.Saml);
            wrapper.AppendChild(document.ImportNode(encrypted, deep: true));
            root.AppendChild(wrapper);
        }

        var sealedAssertions = root.OuterXml;
        return sealedAssertions.Length <= MaxLength
            ? sealedAssertions
            : throw new SamlException(SamlErrorCode.XmlTooLarge, "The assertions are too large to keep with the journey.");
    }

    /// <summary>
    /// An OIDC IDP's evidence (ADR 0025: its ID token exactly as received, its issuer, and, per its addendum, the claims
    /// only userinfo gave, with their values), sealed as assertions are: the <c>verify:OidcEvidence</c> element
    /// encrypted for the hub.
    /// </summary>
    /// <exception cref="SamlException">Sealed, it is too large to keep with a journey.</exception>
    public string Seal(MatchingQueryOidcEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.CreateElement("hub", OidcRoot, Namespace);
        document.AppendChild(root);
        var wrapper = document.CreateElement("verify", MatchingQueryOidcEvidence.EncryptedElementName, MatchingQueryOidcEvidence.Namespace);
        wrapper.AppendChild(document.ImportNode(XmlEncryptor.EncryptElement(evidence.ToElement(), _hub), deep: true));
        root.AppendChild(wrapper);
        return root.OuterXml.Length <= MaxLength
            ? root.OuterXml
            : throw new SamlException(SamlErrorCode.XmlTooLarge, "The ID token is too large to keep with the journey.");
    }

    /// <summary>
    /// Whichever evidence was sealed: a SAML IDP's assertions (the OIDC evidence null), or an OIDC IDP's evidence (the
    /// assertions empty).
    /// </summary>
    /// <exception cref="SamlException">The sealed value cannot be read or decrypted (a key retired since).</exception>
    public (IReadOnlyList<XmlElement> Assertions, MatchingQueryOidcEvidence? Oidc) Open(string sealedEvidence)
    {
        ArgumentException.ThrowIfNullOrEmpty(sealedEvidence);
        var document = SecureXml.Load(sealedEvidence);
        if (document.DocumentElement is not { LocalName: OidcRoot, NamespaceURI: Namespace } root)
        {
            return (Unseal(sealedEvidence), null);
        }

        var encrypted = root.ChildNodes.OfType<XmlElement>().ToList() is [{ LocalName: MatchingQueryOidcEvidence.EncryptedElementName } only] ? only
            : throw new SamlException(SamlErrorCode.MessageUnexpectedElement, "Sealed OIDC evidence holds one encrypted element.");
        var decrypted = XmlDecryptor.DecryptElement(encrypted, keys, MatchingQueryOidcEvidence.Namespace, MatchingQueryOidcEvidence.ElementName);
        return ([], MatchingQueryOidcEvidence.Read(decrypted));
    }

    /// <summary>The assertions, decrypted with the hub's current keys (any of them: rollover), in the order sealed.</summary>
    /// <exception cref="SamlException">The sealed value cannot be read or decrypted (a key retired since).</exception>
    public IReadOnlyList<XmlElement> Unseal(string sealedAssertions)
    {
        ArgumentException.ThrowIfNullOrEmpty(sealedAssertions);
        var document = SecureXml.Load(sealedAssertions);
        if (document.DocumentElement is not { LocalName: "SealedAssertions", NamespaceURI: Namespace } root)
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedRoot, "Not sealed assertions.");
        }

        var wrappers = root.ChildNodes.OfType<XmlElement>().ToList();
        return [.. wrappers.Select(w => XmlDecryptor.DecryptAssertion(w, keys))];
    }

    /// <inheritdoc />
    public void Dispose() => _hub.Dispose();
}
