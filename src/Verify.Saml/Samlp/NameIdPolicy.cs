namespace Verify.Saml.Samlp;

/// <summary>A <c>samlp:NameIDPolicy</c> (SAML Core 3.4.1.1): the identifier the requester wants.</summary>
public sealed record NameIdPolicy
{
    /// <summary>The wanted NameID format (see <see cref="Saml.NameIdFormats"/>).</summary>
    public string? Format { get; init; }

    /// <summary>The service provider the identifier is to be qualified by.</summary>
    public string? SPNameQualifier { get; init; }

    /// <summary>Whether the IDP may create a new identifier for the principal (absent means false).</summary>
    public bool AllowCreate { get; init; }
}
