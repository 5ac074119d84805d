using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Bindings;

/// <summary>
/// The HTTP-POST binding (SAML Bindings 3.5): a base64-encoded message in a form field, sent on by the
/// browser from an auto-submitting page. Works on plain values: the host passes the form fields it
/// received and returns the HTML page it gets back.
/// </summary>
public static class PostBinding
{
    /// <summary>
    /// The Content-Security-Policy source expression (quotes included) that allows the page's one script,
    /// for hosts that allow it by hash instead of passing a nonce.
    /// </summary>
    public static string AutoSubmitScriptHash => PostFormPage.ScriptHash;

    /// <summary>Base64 of the message's UTF-8 form (3.5.4), signature and whitespace kept as they are.</summary>
    public static string Encode(XmlDocument message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var root = message.DocumentElement ?? throw new SamlException(SamlErrorCode.XmlEmpty);
        return Convert.ToBase64String(SamlMessageEncoding.Serialize(root));
    }

    /// <summary>
    /// Reads the message from the received form fields: exactly one of <c>SAMLRequest</c> and
    /// <c>SAMLResponse</c>, and <c>RelayState</c> when present. The host must refuse a field sent twice
    /// before calling this (a dictionary cannot say so).
    /// </summary>
    /// <exception cref="SamlException">The form or message is refused; the code says why.</exception>
    public static PostMessage Decode(IReadOnlyDictionary<string, string> form, int maxMessageBytes = SamlMessageEncoding.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(form);
        var request = form.TryGetValue(BindingRules.SamlRequest, out var r) && !string.IsNullOrEmpty(r) ? r : null;
        var response = form.TryGetValue(BindingRules.SamlResponse, out var s) && !string.IsNullOrEmpty(s) ? s : null;
        if (request is not null && response is not null)
        {
            throw new SamlException(SamlErrorCode.BindingAmbiguousMessage);
        }

        var kind = request is not null ? SamlMessageKind.Request : SamlMessageKind.Response;
        var relayState = form.TryGetValue(BindingRules.RelayState, out var relay) ? relay : null;
        return Decode(kind, request ?? response ?? throw new SamlException(SamlErrorCode.BindingMessageMissing), relayState, maxMessageBytes);
    }

    /// <summary>Reads a message from the value of its form field and the RelayState field.</summary>
    /// <param name="kind">Which field it came in: <c>SAMLRequest</c> or <c>SAMLResponse</c>.</param>
    /// <param name="base64Message">The field's value; line-wrapped base64 (3.5.4) and spaces are accepted.</param>
    /// <param name="relayState">The RelayState field, or null.</param>
    /// <param name="maxMessageBytes">Largest decoded message accepted.</param>
    /// <exception cref="SamlException">The message is refused; the code says why.</exception>
    public static PostMessage Decode(SamlMessageKind kind, string base64Message, string? relayState, int maxMessageBytes = SamlMessageEncoding.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(base64Message);
        if (base64Message.Length == 0)
        {
            throw new SamlException(SamlErrorCode.BindingMessageMissing);
        }

        BindingRules.RequireRelayState(relayState);
        var xml = SamlMessageEncoding.DecodeBase64(base64Message, maxMessageBytes);
        var document = SecureXml.Load(xml, SecureXmlOptions.Default with { MaxCharacters = maxMessageBytes });
        BindingRules.RequireKind(document.DocumentElement!, kind);
        return new PostMessage(document, kind, relayState);
    }

    /// <summary>The auto-submitting page that sends <paramref name="message"/> to <paramref name="destination"/>.</summary>
    /// <exception cref="SamlException">The destination or RelayState is refused.</exception>
    public static string RenderForm(string destination, XmlDocument message, string? relayState, PostFormOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var kind = BindingRules.KindOf(message.DocumentElement ?? throw new SamlException(SamlErrorCode.XmlEmpty));
        return RenderForm(destination, BindingRules.ParameterName(kind), Encode(message), relayState, options);
    }

    /// <summary>
    /// The auto-submitting page (3.5.4) for an already encoded message. Works without JavaScript: the
    /// Continue button is always on the page. Every value is HTML-encoded.
    /// </summary>
    /// <param name="destination">The endpoint: <c>https:</c> only (loopback <c>http:</c> when the options allow it).</param>
    /// <param name="parameterName"><c>SAMLRequest</c> or <c>SAMLResponse</c>.</param>
    /// <param name="base64Message">The base64-encoded message.</param>
    /// <param name="relayState">At most 80 bytes (3.5.3); null or empty for none.</param>
    /// <param name="options">Nonce, language and labels.</param>
    /// <exception cref="SamlException">The destination or RelayState is refused.</exception>
    public static string RenderForm(string destination, string parameterName, string base64Message, string? relayState, PostFormOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(base64Message);
        options ??= PostFormOptions.Default;
        if (parameterName is not (BindingRules.SamlRequest or BindingRules.SamlResponse))
        {
            throw new ArgumentException("The parameter is SAMLRequest or SAMLResponse.", nameof(parameterName));
        }

        var uri = BindingRules.RequireDestination(destination, options.AllowLoopbackHttp);
        BindingRules.RequireRelayState(relayState);
        return PostFormPage.Render(uri, parameterName, base64Message, relayState, options);
    }
}
