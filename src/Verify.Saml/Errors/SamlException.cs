namespace Verify.Saml.Errors;

/// <summary>
/// Thrown when a SAML message or XML document is refused. Carries exactly one catalogue error; its message
/// never contains content from the refused document, so it is safe to log.
/// </summary>
public sealed class SamlException : Exception
{
    public SamlException(SamlErrorCode code, string? detail = null, Exception? inner = null)
        : base(SamlErrors.Describe(code, detail).ToString(), inner)
    {
        Error = SamlErrors.Describe(code, detail);
    }

    public SamlException()
        : this(SamlErrorCode.XmlMalformed)
    {
    }

    public SamlException(string message)
        : this(SamlErrorCode.XmlMalformed, message)
    {
    }

    public SamlException(string message, Exception innerException)
        : this(SamlErrorCode.XmlMalformed, message, innerException)
    {
    }

    /// <summary>The catalogue error.</summary>
    public SamlError Error { get; }

    /// <summary>Shortcut for <c>Error.Code</c>.</summary>
    public SamlErrorCode Code => Error.Code;
}
