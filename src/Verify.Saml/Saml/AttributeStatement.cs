namespace Verify.Saml.Saml;

/// <summary>A <c>saml:AttributeStatement</c> (SAML Core 2.7.3): attributes of the subject.</summary>
public sealed record AttributeStatement
{
    /// <summary>The attributes, in document order.</summary>
    public required IReadOnlyList<SamlAttribute> Attributes { get; init; }
}
