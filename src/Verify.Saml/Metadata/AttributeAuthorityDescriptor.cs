using System.Xml;

namespace Verify.Saml.Metadata;

/// <summary>
/// A <c>md:AttributeAuthorityDescriptor</c> (SAML Metadata 2.4.7): in Verify, a department's matching service,
/// which the hub sends its attribute query to over the SOAP binding.
/// </summary>
public sealed record AttributeAuthorityDescriptor : RoleDescriptor
{
    /// <summary>The <c>md:AttributeService</c> endpoints; at least one.</summary>
    public required IReadOnlyList<Endpoint> AttributeServices { get; init; }

    /// <summary>The <c>md:AssertionIDRequestService</c> endpoints.</summary>
    public IReadOnlyList<Endpoint> AssertionIdRequestServices { get; init; } = [];

    /// <summary>The <c>md:NameIDFormat</c> values.</summary>
    public IReadOnlyList<string> NameIdFormats { get; init; } = [];

    /// <summary>The <c>md:AttributeProfile</c> URIs.</summary>
    public IReadOnlyList<string> AttributeProfiles { get; init; } = [];

    /// <summary>The <c>saml:Attribute</c> elements the authority says it can supply, kept as read.</summary>
    public IReadOnlyList<XmlElement> Attributes { get; init; } = [];

    /// <summary>The first attribute service with <paramref name="binding"/> (normally SOAP), or null.</summary>
    public Endpoint? AttributeService(string binding) =>
        AttributeServices.FirstOrDefault(e => string.Equals(e.Binding, binding, StringComparison.Ordinal));
}
