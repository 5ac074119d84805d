using Verify.Saml.Saml;

namespace Verify.Saml.Samlp;

/// <summary>
/// A <c>samlp:AttributeQuery</c> (SAML Core 3.3.2.3): the hub asks a matching service about a subject. Verify's
/// hub carries the IDP's encrypted assertions in the subject confirmation data
/// (<see cref="SubjectConfirmationData.Content"/>).
/// </summary>
public sealed record AttributeQuery : SamlRequest
{
    /// <summary>Who the query is about.</summary>
    public required Subject Subject { get; init; }

    /// <summary>The attributes asked for; usually without values.</summary>
    public IReadOnlyList<SamlAttribute> Attributes { get; init; } = [];
}
