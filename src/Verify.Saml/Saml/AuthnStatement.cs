namespace Verify.Saml.Saml;

/// <summary>
/// A <c>saml:AuthnStatement</c> (SAML Core 2.7.2): the subject authenticated at a given time in a given
/// context. In Verify the context class is the level of assurance (see <see cref="AuthnContexts"/>).
/// </summary>
public sealed record AuthnStatement
{
    /// <summary>When the authentication took place.</summary>
    public required DateTimeOffset AuthnInstant { get; init; }

    /// <summary>The IDP's session index, used for logout.</summary>
    public string? SessionIndex { get; init; }

    /// <summary>When the IDP's session ends.</summary>
    public DateTimeOffset? SessionNotOnOrAfter { get; init; }

    /// <summary>Where the subject authenticated from.</summary>
    public SubjectLocality? SubjectLocality { get; init; }

    /// <summary>
    /// The <c>saml:AuthnContextClassRef</c>. Always present after reading: authentication contexts given only by
    /// declaration (<c>AuthnContextDecl</c>, <c>AuthnContextDeclRef</c>) are refused.
    /// </summary>
    public required string AuthnContextClassRef { get; init; }

    /// <summary>The <c>saml:AuthenticatingAuthority</c> entity IDs, if any.</summary>
    public IReadOnlyList<string> AuthenticatingAuthorities { get; init; } = [];
}
