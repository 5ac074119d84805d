using Verify.Saml.Xml;

namespace Verify.Saml.Bindings;

/// <summary>Limits and rules for reading an HTTP-Redirect message (SAML Bindings 3.4). Secure by default.</summary>
public sealed record RedirectDecodeOptions
{
    /// <summary>The defaults: signature required, 64 KiB query, 256 KiB inflated message.</summary>
    public static RedirectDecodeOptions Default { get; } = new();

    /// <summary>
    /// Whether an unsigned query is refused when decoded (the hub requires signed requests from RPs).
    /// When false, an unsigned message may still be decoded; <see cref="RedirectMessage.VerifySignature"/>
    /// refuses it all the same.
    /// </summary>
    public bool RequireSignature { get; init; } = true;

    /// <summary>Longest raw query string accepted, in characters. Browsers and servers cap URLs near 8 KB anyway.</summary>
    public int MaxQueryLength { get; init; } = 64 * 1024;

    /// <summary>Largest inflated message accepted, in bytes; inflation stops as soon as it is passed.</summary>
    public int MaxMessageBytes { get; init; } = SamlMessageEncoding.DefaultMaxBytes;

    /// <summary>Limits for parsing the inflated XML (its size limit is lowered to <see cref="MaxMessageBytes"/>).</summary>
    public SecureXmlOptions Xml { get; init; } = SecureXmlOptions.Default;
}
