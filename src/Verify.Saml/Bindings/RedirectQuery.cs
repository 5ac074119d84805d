using System.Text;

using Verify.Saml.Errors;

namespace Verify.Saml.Bindings;

/// <summary>
/// The HTTP-Redirect parameters of a query string exactly as received: each value is kept still
/// URL-encoded, because the signature is over those octets (SAML Bindings 3.4.4.1) and re-encoding
/// would change them.
/// </summary>
internal sealed class RedirectQuery
{
    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);

    private RedirectQuery()
    {
    }

    public string? this[string name] => _raw.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Splits the raw query on <c>&amp;</c>. Parameter names are decoded before they are compared, so that
    /// <c>SAML%52equest</c> counts as a second <c>SAMLRequest</c>; any of the binding's parameters appearing
    /// twice is refused, because two readers could otherwise pick different ones. Other parameters are ignored.
    /// </summary>
    public static RedirectQuery Parse(string rawQuery, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var query = rawQuery.StartsWith('?') ? rawQuery.AsSpan(1) : rawQuery.AsSpan();
        if (query.Length > maxLength)
        {
            throw new SamlException(SamlErrorCode.BindingMessageTooLarge, "The query string is longer than the limit.");
        }

        var parsed = new RedirectQuery();
        foreach (var range in query.Split('&'))
        {
            var part = query[range];
            if (part.IsEmpty)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var name = FormUrlEncoding.Decode(equals < 0 ? part : part[..equals]);
            if (!IsBindingParameter(name))
            {
                continue;
            }

            var value = equals < 0 ? string.Empty : part[(equals + 1)..].ToString();
            if (value.Any(c => c is <= ' ' or >= '\x7F'))
            {
                // RFC 3986 2.1: anything outside printable ASCII must arrive percent-encoded.
                throw new SamlException(SamlErrorCode.BindingMalformedQuery, "A parameter holds a character that must be percent-encoded.");
            }

            if (!parsed._raw.TryAdd(name, value))
            {
                throw new SamlException(SamlErrorCode.BindingDuplicateParameter, $"Parameter {name}.");
            }
        }

        return parsed;
    }

    /// <summary>The decoded value of a parameter, or null when absent.</summary>
    public string? Decoded(string name) => this[name] is { } raw ? FormUrlEncoding.Decode(raw) : null;

    /// <summary>
    /// SAML Bindings 3.4.4.1: the signature covers <c>SAMLRequest=value&amp;RelayState=value&amp;SigAlg=value</c>
    /// (or SAMLResponse), RelayState only when present, each value exactly as it appears in the URL.
    /// </summary>
    public byte[] SignedOctets(string messageParameter)
    {
        var builder = new StringBuilder();
        builder.Append(messageParameter).Append('=').Append(this[messageParameter]);
        if (this[BindingRules.RelayState] is { } relayState)
        {
            builder.Append('&').Append(BindingRules.RelayState).Append('=').Append(relayState);
        }

        builder.Append('&').Append(BindingRules.SigAlg).Append('=').Append(this[BindingRules.SigAlg]);

        // Parse refused anything but printable ASCII in these values, so these are the bytes as received.
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    private static bool IsBindingParameter(string name) => name is BindingRules.SamlRequest or BindingRules.SamlResponse
        or BindingRules.RelayState or BindingRules.SigAlg or BindingRules.Signature;
}
