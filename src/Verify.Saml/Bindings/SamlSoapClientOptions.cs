namespace Verify.Saml.Bindings;

/// <summary>Limits of the SAML SOAP client (SAML Bindings 3.2) on the hub's back channel.</summary>
public sealed record SamlSoapClientOptions
{
    /// <summary>Verify's matching-service wait: 60 s, a 256 KiB response, https only.</summary>
    public static SamlSoapClientOptions Default { get; } = new();

    /// <summary>
    /// How long one call may take, from sending the request to the end of the response body. Verify's hub
    /// waited 60 s for a matching service before giving up on the journey.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest response body read, in bytes; a larger one is refused without reading the rest.</summary>
    public int MaxResponseBytes { get; init; } = SamlMessageEncoding.DefaultMaxBytes;

    /// <summary>Development only: also allow <c>http://localhost</c> and <c>http://127.0.0.1</c> endpoints.</summary>
    public bool AllowLoopbackHttp { get; init; }

    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), "The timeout must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxResponseBytes);
    }
}
