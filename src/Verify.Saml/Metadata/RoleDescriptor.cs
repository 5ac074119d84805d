using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace Verify.Saml.Metadata;

/// <summary>
/// What every role descriptor has (SAML Metadata 2.4.1 <c>RoleDescriptorType</c>): the protocols it supports, its
/// keys, optional validity, error URL, organization and contacts.
/// </summary>
public abstract record RoleDescriptor
{
    /// <summary>The SAML 2.0 protocol URI, which <see cref="ProtocolSupportEnumeration"/> must contain.</summary>
    public const string Saml2Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";

    private protected RoleDescriptor()
    {
    }

    /// <summary>The optional <c>ID</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The role's own <c>validUntil</c>, if any.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The role's own <c>cacheDuration</c>, if any.</summary>
    public TimeSpan? CacheDuration { get; init; }

    /// <summary>
    /// The protocol URIs of <c>protocolSupportEnumeration</c>. The reader requires
    /// <see cref="Saml2Protocol"/> among them: a role we cannot speak to is of no use.
    /// </summary>
    public IReadOnlyList<string> ProtocolSupportEnumeration { get; init; } = [Saml2Protocol];

    /// <summary>The optional <c>errorURL</c>, where a user can be sent on error.</summary>
    public string? ErrorUrl { get; init; }

    /// <summary>The children of <c>md:Extensions</c>, as read.</summary>
    public IReadOnlyList<XmlElement> Extensions { get; init; } = [];

    /// <summary>The <c>md:KeyDescriptor</c> elements, in document order.</summary>
    public IReadOnlyList<KeyDescriptor> KeyDescriptors { get; init; } = [];

    /// <summary>The role's own <c>md:Organization</c>, if given.</summary>
    public Organization? Organization { get; init; }

    /// <summary>The role's own <c>md:ContactPerson</c> elements.</summary>
    public IReadOnlyList<ContactPerson> ContactPersons { get; init; } = [];

    /// <summary>
    /// Every certificate published for <paramref name="use"/>, in document order: those of key descriptors with that
    /// use and of those with no use (SAML Metadata 2.4.1.1). Several during a key rollover.
    /// </summary>
    public IReadOnlyList<X509Certificate2> CertificatesFor(KeyUse use) =>
        [.. KeyDescriptors.Where(k => k.AppliesTo(use)).SelectMany(k => k.Certificates)];
}
