namespace Verify.Hub.Oidc.Client;

/// <summary>An IDP answer the hub refuses: the code is catalogued, the message names no personal data and no token content.</summary>
public sealed class OidcClientException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public OidcClientException(OidcClientErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Required by CA1032; use the constructor with a code.</summary>
    public OidcClientException()
        : this(OidcClientErrorCode.IdTokenMalformed, "The identity provider's answer was refused.")
    {
    }

    /// <summary>Required by CA1032; use the constructor with a code.</summary>
    public OidcClientException(string message)
        : this(OidcClientErrorCode.IdTokenMalformed, message)
    {
    }

    /// <summary>Required by CA1032; use the constructor with a code.</summary>
    public OidcClientException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = OidcClientErrorCode.IdTokenMalformed;
    }

    /// <summary>Why.</summary>
    public OidcClientErrorCode Code { get; }

    /// <summary>The catalogue ID, e.g. <c>VO3004</c>.</summary>
    public string ErrorId => "VO" + ((int)Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
