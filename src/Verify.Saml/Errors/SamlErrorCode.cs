namespace Verify.Saml.Errors;

/// <summary>
/// Stable error codes of the SAML layer. The numbers are part of the public contract: they appear in
/// logs, audit events and integrator tooling, so a code is never renumbered or reused.
/// </summary>
/// <remarks>1xxx: reading XML. 2xxx: XML signatures. 3xxx: the SAML message model.</remarks>
public enum SamlErrorCode
{
    /// <summary>No error; never carried by an exception.</summary>
    None = 0,

    XmlMalformed = 1001,
    XmlDoctypeForbidden = 1002,
    XmlTooLarge = 1003,
    XmlTooDeep = 1004,
    XmlTooManyAttributes = 1005,
    XmlEmpty = 1006,

    SignatureMissing = 2001,
    SignatureMultiple = 2002,
    SignatureMalformed = 2003,
    SignatureReferenceCount = 2004,
    SignatureReferenceUriNotAllowed = 2005,
    SignatureReferenceNotParent = 2006,
    SignatureTransformNotAllowed = 2007,
    SignatureObjectNotAllowed = 2008,
    SignatureAlgorithmNotAllowed = 2009,
    DigestAlgorithmNotAllowed = 2010,
    CanonicalizationNotAllowed = 2011,
    SignatureKeyTooWeak = 2012,
    SignatureNoTrustedKey = 2013,
    DigestMismatch = 2014,
    SignatureValueInvalid = 2015,
    IdMissing = 2016,
    IdDuplicate = 2017,
    IdCaseVariant = 2018,
    SignatureNotAtExpectedPosition = 2019,
    SigningKeyUnsupported = 2020,

    BindingMalformedBase64 = 4001,
    BindingInflateTooLarge = 4002,
    BindingMalformedDeflate = 4003,
    BindingMessageMissing = 4004,
    BindingAmbiguousMessage = 4005,
    BindingDuplicateParameter = 4006,
    BindingMalformedQuery = 4007,
    BindingRelayStateTooLong = 4008,
    BindingMessageTooLarge = 4009,
    BindingMessageTypeMismatch = 4010,
    BindingSignatureMissing = 4011,
    BindingSignatureIncomplete = 4012,
    BindingSignatureAlgorithmNotAllowed = 4013,
    BindingSignatureInvalid = 4014,
    BindingDestinationNotAllowed = 4015,
    BindingSoapMalformed = 4016,
    BindingSoapMustUnderstand = 4017,
    BindingSoapFault = 4018,
    BindingSoapTimeout = 4019,
    BindingSoapHttpError = 4020,
    BindingSoapUnreachable = 4021,

    MessageUnexpectedRoot = 3001,
    MessageMissingElement = 3002,
    MessageMissingAttribute = 3003,
    MessageInvalidValue = 3004,
    MessageUnexpectedElement = 3005,
    MessageMixedContent = 3006,
    MessageUnsupportedVersion = 3007,
    MessageTooManyElements = 3008,

    ProtocolDestinationMismatch = 5001,
    ProtocolIssuerMismatch = 5002,
    ProtocolIssuerInconsistent = 5003,
    ProtocolUnsolicitedResponse = 5004,
    ProtocolInResponseToMismatch = 5005,
    ProtocolAudienceMismatch = 5006,
    ProtocolRecipientMismatch = 5007,
    ProtocolNotYetValid = 5008,
    ProtocolExpired = 5009,
    ProtocolBearerConfirmationMissing = 5010,
    ProtocolAssertionShapeUnexpected = 5011,
    ProtocolSubjectMismatch = 5012,
    ProtocolReplayed = 5013,
    ProtocolStatusUnrecognised = 5014,
    ProtocolAuthnContextMissing = 5015,
    ProtocolAssertionNotVerified = 5016,
    ProtocolMatchingDatasetInvalid = 5017,

    /// <summary>The request's Issuer is not a registered, enabled party.</summary>
    ProtocolIssuerUnknown = 5018,

    /// <summary>The request names an assertion consumer service that is not registered for its issuer.</summary>
    ProtocolAcsNotRegistered = 5019,

    /// <summary>The request asks for a response binding the hub does not use.</summary>
    ProtocolBindingNotSupported = 5020,

    /// <summary>The request asks for something this profile refuses (passive authentication, an unsupported NameID format).</summary>
    ProtocolRequestNotSupported = 5021,

    // 7xxx: federation metadata (70xx) and trust in parties' certificates (71xx).
    MetadataExpired = 7001,
    MetadataValidUntilMissing = 7002,
    MetadataDuplicateEntityId = 7003,
    MetadataEntityNotFound = 7004,
    MetadataInvalidUrl = 7005,

    TrustCertificateExpired = 7101,
    TrustCertificateNotYetValid = 7102,
    TrustChainUntrusted = 7103,
    TrustWrongRole = 7104,
    TrustCertificateRevoked = 7105,
    TrustRevocationListInvalid = 7106,
    TrustRevocationListStale = 7107,
    TrustKeyTooWeak = 7108,
    TrustKeyUsageNotAllowed = 7109,
    TrustNoCertificate = 7110,
    TrustNotConfigured = 7111,

    // 6xxx: XML Encryption (encrypted assertions and other SAML encrypted elements).
    EncryptionMalformed = 6001,
    EncryptionAlgorithmUnsupported = 6002,
    EncryptionCbcNotAllowed = 6003,
    EncryptionRsa15NotAllowed = 6004,
    EncryptionCipherReferenceNotAllowed = 6005,
    EncryptionRetrievalMethodNotAllowed = 6006,
    EncryptionTooManyElements = 6007,
    EncryptionKeyMissing = 6008,
    EncryptionCouldNotDecrypt = 6009,
    EncryptionPayloadInvalid = 6010,
    EncryptionKeyTooWeak = 6011,
}
