using System.Collections.Frozen;
using System.Globalization;

namespace Verify.Saml.Errors;

/// <summary>The one catalogue of SAML-layer errors: code → default message and blamed party.</summary>
public static class SamlErrors
{
    private static readonly FrozenDictionary<SamlErrorCode, string> Messages = new Dictionary<SamlErrorCode, string>
    {
        [SamlErrorCode.XmlMalformed] = "The XML is not well-formed.",
        [SamlErrorCode.XmlDoctypeForbidden] = "A document type declaration (DOCTYPE) is not allowed.",
        [SamlErrorCode.XmlTooLarge] = "The XML is larger than the configured limit.",
        [SamlErrorCode.XmlTooDeep] = "The XML nests elements deeper than the configured limit.",
        [SamlErrorCode.XmlTooManyAttributes] = "An XML element has more attributes than the configured limit.",
        [SamlErrorCode.XmlEmpty] = "The XML document is empty.",
        [SamlErrorCode.SignatureMissing] = "The element is not signed.",
        [SamlErrorCode.SignatureMultiple] = "The element carries more than one signature.",
        [SamlErrorCode.SignatureMalformed] = "The signature is not a well-formed ds:Signature.",
        [SamlErrorCode.SignatureReferenceCount] = "The signature must have exactly one Reference.",
        [SamlErrorCode.SignatureReferenceUriNotAllowed] = "The Reference URI must be a same-document '#ID' reference.",
        [SamlErrorCode.SignatureReferenceNotParent] = "The Reference does not point at the element that contains the signature.",
        [SamlErrorCode.SignatureTransformNotAllowed] = "Only the enveloped-signature and exclusive canonicalization transforms are allowed.",
        [SamlErrorCode.SignatureObjectNotAllowed] = "ds:Object is not allowed in a signature.",
        [SamlErrorCode.SignatureAlgorithmNotAllowed] = "The signature algorithm is not allowed (RSA-SHA256/384/512 or ECDSA-SHA256 only).",
        [SamlErrorCode.DigestAlgorithmNotAllowed] = "The digest algorithm is not allowed (SHA-256/384/512 only).",
        [SamlErrorCode.CanonicalizationNotAllowed] = "The canonicalization method must be exclusive XML canonicalization.",
        [SamlErrorCode.SignatureKeyTooWeak] = "The signing key is too weak (RSA keys must be at least 2048 bits).",
        [SamlErrorCode.SignatureNoTrustedKey] = "The signature was not made by any key trusted for this party.",
        [SamlErrorCode.DigestMismatch] = "The signed content was changed after signing (digest mismatch).",
        [SamlErrorCode.SignatureValueInvalid] = "The signature value does not verify.",
        [SamlErrorCode.IdMissing] = "The signed element has no ID attribute.",
        [SamlErrorCode.IdDuplicate] = "The same ID appears on more than one element.",
        [SamlErrorCode.IdCaseVariant] = "An element carries ID-like attributes that differ only in case (ID, Id, id).",
        [SamlErrorCode.SignatureNotAtExpectedPosition] = "The signature is not where the SAML schema puts it.",
        [SamlErrorCode.SigningKeyUnsupported] = "The signing key type is not supported.",
        [SamlErrorCode.MessageUnexpectedRoot] = "The document is not the expected SAML message.",
        [SamlErrorCode.MessageMissingElement] = "A required SAML element is missing.",
        [SamlErrorCode.MessageMissingAttribute] = "A required SAML attribute is missing.",
        [SamlErrorCode.MessageInvalidValue] = "A SAML element or attribute has an invalid value.",
        [SamlErrorCode.MessageUnexpectedElement] = "A SAML element appears where it is not allowed.",
        [SamlErrorCode.MessageMixedContent] = "A text-only SAML element contains markup, comments or processing instructions.",
        [SamlErrorCode.MessageUnsupportedVersion] = "Only SAML version 2.0 is supported.",
    }.ToFrozenDictionary();

    /// <summary>The printed ID of a code, e.g. <c>VS2014</c>.</summary>
    public static string IdOf(SamlErrorCode code) => "VS" + ((int)code).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Every SAML-layer error blames the sender except those that come from our own configuration.</summary>
    public static SamlErrorParty PartyOf(SamlErrorCode code) => code switch
    {
        SamlErrorCode.SigningKeyUnsupported => SamlErrorParty.Responder,
        _ => SamlErrorParty.Requester,
    };

    /// <summary>All codes in the catalogue.</summary>
    public static IEnumerable<SamlErrorCode> All => Messages.Keys;

    /// <summary>The catalogue entry for a code, with an optional detail appended (never message content).</summary>
    public static SamlError Describe(SamlErrorCode code, string? detail = null)
    {
        var message = Messages.TryGetValue(code, out var text) ? text : "Unknown error.";
        return new SamlError(code, detail is null ? message : $"{message} {detail}");
    }
}
