namespace Verify.Saml.Samlp;

/// <summary>
/// How often the reader accepts an element to repeat, so that a hostile message cannot make us allocate
/// without bound. Exceeding a limit is refused with <c>MessageTooManyElements</c>. The defaults are well above
/// what any Verify party sends (two assertions, about ten attributes).
/// </summary>
public sealed record SamlReaderLimits
{
    /// <summary>The defaults.</summary>
    public static SamlReaderLimits Default { get; } = new();

    /// <summary>Assertions, plain and encrypted together, in one response.</summary>
    public int MaxAssertions { get; init; } = 16;

    /// <summary>Statements in one assertion.</summary>
    public int MaxStatements { get; init; } = 16;

    /// <summary>Attributes in one assertion (over all its statements) or one attribute query.</summary>
    public int MaxAttributes { get; init; } = 64;

    /// <summary>Values of one attribute.</summary>
    public int MaxValuesPerAttribute { get; init; } = 32;

    /// <summary>Audiences in one <c>saml:Conditions</c>, over all its audience restrictions.</summary>
    public int MaxAudiences { get; init; } = 16;

    /// <summary>Nesting depth of <c>samlp:StatusCode</c>, the top-level code being depth 1.</summary>
    public int MaxStatusCodeDepth { get; init; } = 4;

    /// <summary>
    /// Any other repeated element: subject confirmations, requested context classes, extension and status detail
    /// elements, address lines, session indexes, authenticating authorities, subject confirmation data content.
    /// </summary>
    public int MaxOtherRepeats { get; init; } = 16;
}
