using System.Xml;

namespace Verify.Saml.Metadata;

/// <summary>
/// A <c>md:IDPSSODescriptor</c> (SAML Metadata 2.4.3): an identity provider, or the hub as seen by RPs. Its
/// signing keys are the ones its responses are checked against.
/// </summary>
public sealed record IdpSsoDescriptor : SsoDescriptor
{
    /// <summary><c>WantAuthnRequestsSigned</c>; absent means false.</summary>
    public bool WantAuthnRequestsSigned { get; init; }

    /// <summary>The <c>md:SingleSignOnService</c> endpoints; at least one, none with a <c>ResponseLocation</c>.</summary>
    public required IReadOnlyList<Endpoint> SingleSignOnServices { get; init; }

    /// <summary>The <c>md:NameIDMappingService</c> endpoints.</summary>
    public IReadOnlyList<Endpoint> NameIdMappingServices { get; init; } = [];

    /// <summary>The <c>md:AssertionIDRequestService</c> endpoints.</summary>
    public IReadOnlyList<Endpoint> AssertionIdRequestServices { get; init; } = [];

    /// <summary>The <c>md:AttributeProfile</c> URIs.</summary>
    public IReadOnlyList<string> AttributeProfiles { get; init; } = [];

    /// <summary>The <c>saml:Attribute</c> elements the IDP says it can supply, kept as read.</summary>
    public IReadOnlyList<XmlElement> Attributes { get; init; } = [];

    /// <summary>The first single sign-on endpoint with <paramref name="binding"/>, or null.</summary>
    public Endpoint? SingleSignOnService(string binding) =>
        SingleSignOnServices.FirstOrDefault(e => string.Equals(e.Binding, binding, StringComparison.Ordinal));
}
