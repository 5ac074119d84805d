namespace Verify.Saml.Samlp;

/// <summary>
/// A <c>samlp:RequestedAuthnContext</c> (SAML Core 3.3.2.2.1). Only class references are supported; a request
/// by <c>AuthnContextDeclRef</c> is refused when reading.
/// </summary>
public sealed record RequestedAuthnContext
{
    /// <summary>How the listed contexts are compared.</summary>
    public AuthnContextComparison Comparison { get; init; } = AuthnContextComparison.Exact;

    /// <summary>The requested context classes (see <see cref="Saml.AuthnContexts"/>); at least one.</summary>
    public required IReadOnlyList<string> AuthnContextClassRefs { get; init; }

    /// <summary>The wire text of a comparison.</summary>
    public static string ToWireText(AuthnContextComparison comparison) => comparison switch
    {
        AuthnContextComparison.Exact => "exact",
        AuthnContextComparison.Minimum => "minimum",
        AuthnContextComparison.Maximum => "maximum",
        AuthnContextComparison.Better => "better",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>Parses the wire text of a comparison; the match is exact.</summary>
    public static bool TryParseWireText(string text, out AuthnContextComparison comparison)
    {
        comparison = text switch
        {
            "exact" => AuthnContextComparison.Exact,
            "minimum" => AuthnContextComparison.Minimum,
            "maximum" => AuthnContextComparison.Maximum,
            "better" => AuthnContextComparison.Better,
            _ => default,
        };
        return comparison != default;
    }
}
