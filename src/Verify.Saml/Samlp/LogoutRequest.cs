using Verify.Saml.Saml;

namespace Verify.Saml.Samlp;

/// <summary>A <c>samlp:LogoutRequest</c> (SAML Core 3.7.1). An encrypted NameID is not supported.</summary>
public sealed record LogoutRequest : SamlRequest
{
    /// <summary>The principal to log out.</summary>
    public required NameId NameId { get; init; }

    /// <summary>The sessions to end; empty means all of the principal's sessions.</summary>
    public IReadOnlyList<string> SessionIndexes { get; init; } = [];

    /// <summary>Why the principal is being logged out (a URI, e.g. <c>urn:oasis:names:tc:SAML:2.0:logout:user</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>When the request expires.</summary>
    public DateTimeOffset? NotOnOrAfter { get; init; }
}
