namespace Verify.Saml.Samlp;

/// <summary>How the requested authentication contexts are compared (SAML Core 3.3.2.2.1). Numbers are fixed.</summary>
public enum AuthnContextComparison
{
    /// <summary><c>exact</c>, the default: one of the listed contexts.</summary>
    Exact = 1,

    /// <summary><c>minimum</c>: at least as strong as one of the listed contexts.</summary>
    Minimum = 2,

    /// <summary><c>maximum</c>: no stronger than the listed contexts.</summary>
    Maximum = 3,

    /// <summary><c>better</c>: stronger than any of the listed contexts.</summary>
    Better = 4,
}
