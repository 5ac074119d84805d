using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Xml;

using static Verify.Saml.Samlp.SamlXmlValues;

namespace Verify.Saml.Samlp;

/// <summary>
/// Reads SAML 2.0 messages and assertions from XML elements into the typed model, strictly: the element names
/// and their order follow the schema, <c>Version</c> must be 2.0, times must be UTC, text-only elements must hold
/// text only, and repeated elements are counted against <see cref="SamlReaderLimits"/>. Anything else is refused
/// with a <see cref="SamlException"/> carrying a specific code.
/// </summary>
/// <remarks>
/// The reader takes the element the signature layer verified and does not verify signatures itself; it records
/// the <c>ds:Signature</c> it found in the schema's position and the element each model was read from. Elements
/// the schema allows but Verify never uses (Advice, BaseID, EncryptedID, EncryptedAttribute, Scoping, decl-based
/// authentication contexts, conditions other than audience and one-time use) are refused, not ignored.
/// </remarks>
public sealed partial class SamlXmlReader
{
    /// <summary>A reader with the default limits.</summary>
    public static SamlXmlReader Default { get; } = new();

    /// <summary>Creates a reader.</summary>
    /// <param name="limits">Repetition limits; <see cref="SamlReaderLimits.Default"/> when null.</param>
    public SamlXmlReader(SamlReaderLimits? limits = null)
    {
        Limits = limits ?? SamlReaderLimits.Default;
    }

    /// <summary>The repetition limits in force.</summary>
    public SamlReaderLimits Limits { get; }

    /// <summary>Reads whichever protocol message is the document's root element.</summary>
    /// <exception cref="SamlException">The root is not a supported SAML protocol message, or the message is refused.</exception>
    public SamlMessage ReadMessage(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.DocumentElement ?? throw new SamlException(SamlErrorCode.XmlEmpty);
        if (root.NamespaceURI != XmlNames.Samlp)
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedRoot);
        }

        return root.LocalName switch
        {
            "AuthnRequest" => ReadAuthnRequest(root),
            "Response" => ReadResponse(root),
            "AttributeQuery" => ReadAttributeQuery(root),
            "LogoutRequest" => ReadLogoutRequest(root),
            "LogoutResponse" => ReadLogoutResponse(root),
            _ => throw new SamlException(SamlErrorCode.MessageUnexpectedRoot),
        };
    }

    private static void RequireName(XmlElement element, string ns, string localName, string label)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.LocalName != localName || element.NamespaceURI != ns)
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedRoot, $"Expected {label}.");
        }
    }

    /// <summary>
    /// The attributes and leading children every protocol message shares (Core 3.2.1, 3.2.2): ID, Version,
    /// IssueInstant, Destination, InResponseTo (responses), then Issuer?, ds:Signature?, Extensions?.
    /// </summary>
    private MessageHeader ReadHeader(XmlElement element, string label, ElementCursor cursor, bool isResponse)
    {
        var id = RequiredId(element, label);
        RequireVersion(element, label);
        var issueInstant = RequiredTime(element, "IssueInstant", label);
        var destination = Attribute(element, "Destination");
        var inResponseTo = isResponse ? OptionalNcName(element, "InResponseTo", label) : null;

        var issuer = cursor.Optional(XmlNames.Saml, "Issuer") is { } issuerElement ? ReadIssuer(issuerElement) : null;
        var signature = ReadSignature(cursor, label);
        var extensions = cursor.Optional(XmlNames.Samlp, "Extensions") is { } extensionsElement
            ? ReadExtensions(extensionsElement)
            : [];
        return new MessageHeader(id, issueInstant, destination, inResponseTo, issuer, signature, extensions);
    }

    /// <summary>The <c>ds:Signature</c> in the schema's position (right after the issuer); only one is allowed.</summary>
    private static XmlElement? ReadSignature(ElementCursor cursor, string label)
    {
        var signature = cursor.Optional(XmlNames.DSig, "Signature");
        if (signature is not null && cursor.At(XmlNames.DSig, "Signature"))
        {
            throw new SamlException(SamlErrorCode.SignatureMultiple, $"On {label}.");
        }

        // Where the issuer is optional, a signature followed by an issuer is a signature before the issuer.
        if (signature is not null && cursor.At(XmlNames.Saml, "Issuer"))
        {
            throw new SamlException(SamlErrorCode.SignatureNotAtExpectedPosition, $"On {label}.");
        }

        return signature;
    }

    /// <summary>
    /// Core 3.2.1: <c>samlp:Extensions</c> holds at least one element, and extension elements MUST be
    /// namespace-qualified in a non-SAML-defined namespace.
    /// </summary>
    private List<XmlElement> ReadExtensions(XmlElement element)
    {
        const string label = "samlp:Extensions";
        var cursor = new ElementCursor(element, label);
        var extensions = new List<XmlElement>();
        while (cursor.Current is { } current)
        {
            if (current.NamespaceURI.Length == 0 || current.NamespaceURI is XmlNames.Saml or XmlNames.Samlp)
            {
                throw cursor.Unexpected();
            }

            if (extensions.Count == Limits.MaxOtherRepeats)
            {
                throw new SamlException(SamlErrorCode.MessageTooManyElements, $"In {label}.");
            }

            extensions.Add(cursor.Take());
        }

        return extensions.Count > 0
            ? extensions
            : throw new SamlException(SamlErrorCode.MessageMissingElement, $"An extension element in {label}.");
    }

    private static Issuer ReadIssuer(XmlElement element)
    {
        const string label = "saml:Issuer";
        return new Issuer
        {
            Value = NonEmptyText(element, label),
            Format = Attribute(element, "Format"),
            NameQualifier = Attribute(element, "NameQualifier"),
            SPNameQualifier = Attribute(element, "SPNameQualifier"),
        };
    }

    private static NameId ReadNameId(XmlElement element)
    {
        const string label = "saml:NameID";
        return new NameId
        {
            Value = NonEmptyText(element, label),
            Format = Attribute(element, "Format"),
            NameQualifier = Attribute(element, "NameQualifier"),
            SPNameQualifier = Attribute(element, "SPNameQualifier"),
            SPProvidedId = Attribute(element, "SPProvidedID"),
        };
    }

    private readonly record struct MessageHeader(
        string Id,
        DateTimeOffset IssueInstant,
        string? Destination,
        string? InResponseTo,
        Issuer? Issuer,
        XmlElement? Signature,
        IReadOnlyList<XmlElement> Extensions);
}
