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
        [SamlErrorCode.SignatureValueInvalid] = "The signature value does not verify with the registered key named in KeyInfo: the signature or its SignedInfo was altered.",
        [SamlErrorCode.IdMissing] = "The signed element has no ID attribute.",
        [SamlErrorCode.IdDuplicate] = "The same ID appears on more than one element.",
        [SamlErrorCode.IdCaseVariant] = "An element carries ID-like attributes that differ only in case (ID, Id, id).",
        [SamlErrorCode.SignatureNotAtExpectedPosition] = "The signature is not where the SAML schema puts it.",
        [SamlErrorCode.SigningKeyUnsupported] = "The signing key type is not supported.",
        [SamlErrorCode.BindingMalformedBase64] = "The SAML message is not valid base64.",
        [SamlErrorCode.BindingInflateTooLarge] = "The DEFLATE-encoded SAML message inflates beyond the size limit.",
        [SamlErrorCode.BindingMalformedDeflate] = "The SAML message is not valid DEFLATE data.",
        [SamlErrorCode.BindingMessageMissing] = "No SAML message: the request carries neither SAMLRequest nor SAMLResponse.",
        [SamlErrorCode.BindingAmbiguousMessage] = "The request carries both SAMLRequest and SAMLResponse; exactly one is allowed.",
        [SamlErrorCode.BindingDuplicateParameter] = "A binding parameter (SAMLRequest, SAMLResponse, RelayState, SigAlg, Signature) appears more than once.",
        [SamlErrorCode.BindingMalformedQuery] = "The query string is not well-formed URL encoding (RFC 3986, UTF-8).",
        [SamlErrorCode.BindingRelayStateTooLong] = "RelayState is longer than 80 bytes (SAML Bindings 3.4.3, 3.5.3).",
        [SamlErrorCode.BindingMessageTooLarge] = "The bound message (query, form value or SOAP body) is larger than the size limit.",
        [SamlErrorCode.BindingMessageTypeMismatch] = "The message is a request sent as SAMLResponse, or a response sent as SAMLRequest.",
        [SamlErrorCode.BindingSignatureMissing] = "The HTTP-Redirect message is not signed (SigAlg and Signature), and a signature is required.",
        [SamlErrorCode.BindingSignatureIncomplete] = "The HTTP-Redirect query has SigAlg without Signature, or Signature without SigAlg.",
        [SamlErrorCode.BindingSignatureAlgorithmNotAllowed] = "The HTTP-Redirect SigAlg is not allowed (RSA-SHA256/384/512 or ECDSA-SHA256 only; SHA-1 is refused).",
        [SamlErrorCode.BindingSignatureInvalid] = "The HTTP-Redirect signature does not verify with any key trusted for this party over the query as received.",
        [SamlErrorCode.BindingDestinationNotAllowed] = "The destination is not an absolute https URL (http only to a loopback host in development).",
        [SamlErrorCode.BindingSoapMalformed] = "The SOAP message is not a SOAP 1.1 Envelope whose Body holds exactly one element.",
        [SamlErrorCode.BindingSoapMustUnderstand] = "The SOAP message has a header marked mustUnderstand that we do not understand.",
        [SamlErrorCode.BindingSoapFault] = "The SOAP peer answered with a fault.",
        [SamlErrorCode.BindingSoapTimeout] = "The SOAP peer did not answer in time.",
        [SamlErrorCode.BindingSoapHttpError] = "The SOAP peer answered with an HTTP error status.",
        [SamlErrorCode.BindingSoapUnreachable] = "The SOAP peer could not be reached, or the connection failed.",
        [SamlErrorCode.ProtocolDestinationMismatch] = "The message's Destination is not the endpoint it was received at.",
        [SamlErrorCode.ProtocolIssuerMismatch] = "The message was not issued by the party it was expected from.",
        [SamlErrorCode.ProtocolIssuerInconsistent] = "The Response and its assertions name different issuers.",
        [SamlErrorCode.ProtocolUnsolicitedResponse] = "The Response does not answer a request (no InResponseTo); unsolicited responses are refused.",
        [SamlErrorCode.ProtocolInResponseToMismatch] = "The Response answers a different request than the one sent.",
        [SamlErrorCode.ProtocolAudienceMismatch] = "The assertion is not addressed to this party (audience).",
        [SamlErrorCode.ProtocolRecipientMismatch] = "The bearer confirmation names another recipient.",
        [SamlErrorCode.ProtocolNotYetValid] = "The message or assertion is not yet valid.",
        [SamlErrorCode.ProtocolExpired] = "The message or assertion has expired.",
        [SamlErrorCode.ProtocolBearerConfirmationMissing] = "The assertion has no valid bearer subject confirmation.",
        [SamlErrorCode.ProtocolAssertionShapeUnexpected] = "The Response does not carry exactly the assertions expected.",
        [SamlErrorCode.ProtocolSubjectMismatch] = "The assertions of one Response name different subjects.",
        [SamlErrorCode.ProtocolReplayed] = "The message or assertion has been received before.",
        [SamlErrorCode.ProtocolStatusUnrecognised] = "The Response status is not one this profile knows.",
        [SamlErrorCode.ProtocolAuthnContextMissing] = "The authentication statement carries no recognised level of assurance.",
        [SamlErrorCode.ProtocolAssertionNotVerified] = "An assertion was read that was not the element whose signature was verified.",
        [SamlErrorCode.ProtocolMatchingDatasetInvalid] = "The matching dataset is missing or not well-formed.",
        [SamlErrorCode.ProtocolIssuerUnknown] = "The request's Issuer is not a registered, enabled party of the federation.",
        [SamlErrorCode.ProtocolAcsNotRegistered] = "The assertion consumer service named in the request is not registered for this party.",
        [SamlErrorCode.ProtocolBindingNotSupported] = "The requested response binding is not supported; responses are sent with HTTP-POST.",
        [SamlErrorCode.ProtocolRequestNotSupported] = "The request asks for something this profile does not offer (IsPassive, or a NameID format other than persistent).",
        [SamlErrorCode.MessageUnexpectedRoot] = "The document is not the expected SAML message.",
        [SamlErrorCode.MessageMissingElement] = "A required SAML element is missing.",
        [SamlErrorCode.MessageMissingAttribute] = "A required SAML attribute is missing.",
        [SamlErrorCode.MessageInvalidValue] = "A SAML element or attribute has an invalid value.",
        [SamlErrorCode.MessageUnexpectedElement] = "A SAML element appears where it is not allowed.",
        [SamlErrorCode.MessageMixedContent] = "A text-only SAML element contains markup, comments or processing instructions.",
        [SamlErrorCode.MessageUnsupportedVersion] = "Only SAML version 2.0 is supported.",
        [SamlErrorCode.MessageTooManyElements] = "A SAML element is repeated more often than the configured limit.",
        [SamlErrorCode.MetadataExpired] = "The metadata is past its validUntil time (SAML Metadata 2.3.1/2.3.2) and must be refreshed.",
        [SamlErrorCode.MetadataValidUntilMissing] = "The metadata has no validUntil time, and one is required.",
        [SamlErrorCode.MetadataDuplicateEntityId] = "The metadata describes the same entityID more than once.",
        [SamlErrorCode.MetadataEntityNotFound] = "The metadata does not describe the requested entity.",
        [SamlErrorCode.MetadataInvalidUrl] = "A metadata endpoint or URL is not an absolute URL with an allowed scheme.",
        [SamlErrorCode.TrustCertificateExpired] = "A certificate in the chain has expired (RFC 5280 6.1.3).",
        [SamlErrorCode.TrustCertificateNotYetValid] = "A certificate in the chain is not valid yet (RFC 5280 6.1.3).",
        [SamlErrorCode.TrustChainUntrusted] = "The certificate does not chain to the federation root through a federation CA.",
        [SamlErrorCode.TrustWrongRole] = "The certificate was issued by the federation CA of another role than the party's.",
        [SamlErrorCode.TrustCertificateRevoked] = "A certificate in the chain is revoked (RFC 5280 6.3).",
        [SamlErrorCode.TrustRevocationListInvalid] = "A configured certificate revocation list is malformed, unsupported or not signed by its CA (RFC 5280 6.3.3).",
        [SamlErrorCode.TrustRevocationListStale] = "A configured certificate revocation list is past its nextUpdate time (RFC 5280 6.3.3).",
        [SamlErrorCode.TrustKeyTooWeak] = "The certificate's key is too weak (RSA keys must be at least 2048 bits, EC keys at least 256).",
        [SamlErrorCode.TrustKeyUsageNotAllowed] = "The certificate's key usage does not allow this use (RFC 5280 4.2.1.3).",
        [SamlErrorCode.TrustNoCertificate] = "The party has no registered certificate for this use.",
        [SamlErrorCode.TrustNotConfigured] = "PKIX trust is required but no federation root or CA is configured for this role.",
        [SamlErrorCode.EncryptionMalformed] = "The encrypted element is not well-formed XML Encryption (SAML Core 2.2.4, XML Encryption 1.1 section 3).",
        [SamlErrorCode.EncryptionAlgorithmUnsupported] = "The encryption algorithm is not supported (data: AES-128/256-GCM; key transport: RSA-OAEP).",
        [SamlErrorCode.EncryptionCbcNotAllowed] = "CBC not allowed: data encrypted with AES-CBC or Triple DES CBC is refused; use AES-GCM.",
        [SamlErrorCode.EncryptionRsa15NotAllowed] = "RSA PKCS#1 v1.5 key transport (rsa-1_5) is refused; use RSA-OAEP.",
        [SamlErrorCode.EncryptionCipherReferenceNotAllowed] = "xenc:CipherReference is not allowed; the ciphertext must be carried in a CipherValue.",
        [SamlErrorCode.EncryptionRetrievalMethodNotAllowed] = "ds:RetrievalMethod is not allowed, except a same-document reference to a sibling EncryptedKey.",
        [SamlErrorCode.EncryptionTooManyElements] = "The encrypted element holds more EncryptedData or EncryptedKey elements than allowed.",
        [SamlErrorCode.EncryptionKeyMissing] = "The encrypted element carries no EncryptedKey.",
        [SamlErrorCode.EncryptionCouldNotDecrypt] = "Could not decrypt: the content key is not for any of our keys, or the ciphertext was changed.",
        [SamlErrorCode.EncryptionPayloadInvalid] = "The decrypted content is not exactly one element of the expected kind.",
        [SamlErrorCode.EncryptionKeyTooWeak] = "The encryption key is too weak (RSA keys must be at least 2048 bits).",
    }.ToFrozenDictionary();

    /// <summary>The printed ID of a code, e.g. <c>VS2014</c>.</summary>
    public static string IdOf(SamlErrorCode code) => "VS" + ((int)code).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Every SAML-layer error blames the sender except those that come from our own configuration.</summary>
    public static SamlErrorParty PartyOf(SamlErrorCode code) => code switch
    {
        SamlErrorCode.SigningKeyUnsupported => SamlErrorParty.Responder,
        SamlErrorCode.TrustRevocationListInvalid => SamlErrorParty.Responder,
        SamlErrorCode.TrustRevocationListStale => SamlErrorParty.Responder,
        SamlErrorCode.TrustNotConfigured => SamlErrorParty.Responder,
        SamlErrorCode.EncryptionKeyTooWeak => SamlErrorParty.Responder,
        SamlErrorCode.BindingDestinationNotAllowed => SamlErrorParty.Responder,
        SamlErrorCode.BindingSoapFault => SamlErrorParty.Responder,
        SamlErrorCode.BindingSoapTimeout => SamlErrorParty.Responder,
        SamlErrorCode.BindingSoapHttpError => SamlErrorParty.Responder,
        SamlErrorCode.BindingSoapUnreachable => SamlErrorParty.Responder,
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
