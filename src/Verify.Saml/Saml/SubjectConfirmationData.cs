using System.Xml;

namespace Verify.Saml.Saml;

/// <summary>
/// A <c>saml:SubjectConfirmationData</c> (SAML Core 2.4.1.2). For bearer confirmation the Web Browser SSO
/// profile requires <see cref="Recipient"/>, <see cref="NotOnOrAfter"/> and, for solicited responses,
/// <see cref="InResponseTo"/>; checking them is the validator's job.
/// </summary>
public sealed record SubjectConfirmationData
{
    /// <summary>The time before which the subject cannot be confirmed.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The time at and after which the subject can no longer be confirmed.</summary>
    public DateTimeOffset? NotOnOrAfter { get; init; }

    /// <summary>The location (ACS URL) the assertion may be presented to.</summary>
    public string? Recipient { get; init; }

    /// <summary>The ID of the request this confirmation answers.</summary>
    public string? InResponseTo { get; init; }

    /// <summary>The network address the subject may be confirmed from.</summary>
    public string? Address { get; init; }

    /// <summary>
    /// Child elements, kept as read: a holder-of-key <c>ds:KeyInfo</c>, or the encrypted assertions Verify's
    /// hub carries to a matching service inside an AttributeQuery.
    /// </summary>
    public IReadOnlyList<XmlElement> Content { get; init; } = [];
}
