using System.Xml;

namespace Verify.Saml.Metadata;

/// <summary>
/// A <c>md:SPSSODescriptor</c> (SAML Metadata 2.4.4): a relying party, or the hub as seen by IDPs. Its assertion
/// consumer services are the only places a response for it may be sent.
/// </summary>
public sealed record SpSsoDescriptor : SsoDescriptor
{
    /// <summary><c>AuthnRequestsSigned</c>; absent means false.</summary>
    public bool AuthnRequestsSigned { get; init; }

    /// <summary><c>WantAssertionsSigned</c>; absent means false.</summary>
    public bool WantAssertionsSigned { get; init; }

    /// <summary>The <c>md:AssertionConsumerService</c> endpoints; at least one, indexes unique.</summary>
    public required IReadOnlyList<IndexedEndpoint> AssertionConsumerServices { get; init; }

    /// <summary>The <c>md:AttributeConsumingService</c> elements, kept as read (Verify does not use them).</summary>
    public IReadOnlyList<XmlElement> AttributeConsumingServices { get; init; } = [];

    /// <summary>The default assertion consumer service by SAML Metadata 2.2.3.</summary>
    public IndexedEndpoint? DefaultAssertionConsumerService => IndexedEndpoint.SelectDefault(AssertionConsumerServices);

    /// <summary>The assertion consumer service with this index, or null.</summary>
    public IndexedEndpoint? AssertionConsumerService(int index) =>
        AssertionConsumerServices.FirstOrDefault(e => e.Index == index);
}
