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

    MessageUnexpectedRoot = 3001,
    MessageMissingElement = 3002,
    MessageMissingAttribute = 3003,
    MessageInvalidValue = 3004,
    MessageUnexpectedElement = 3005,
    MessageMixedContent = 3006,
    MessageUnsupportedVersion = 3007,
}
