using System.Xml;

using Verify.Saml.Saml;

namespace Verify.Saml.Samlp;

/// <summary>
/// A <c>samlp:Response</c> (SAML Core 3.3.3): an IDP's answer to an AuthnRequest, a matching service's
/// answer to an AttributeQuery, or the hub's answer to a relying party.
/// </summary>
public sealed record Response : StatusResponse
{
    /// <summary>The plain assertions, in document order, each with the element it was read from.</summary>
    public IReadOnlyList<Assertion> Assertions { get; init; } = [];

    /// <summary>The <c>saml:EncryptedAssertion</c> elements, as read; decrypting them is the encryption layer's job.</summary>
    public IReadOnlyList<XmlElement> EncryptedAssertions { get; init; } = [];
}
