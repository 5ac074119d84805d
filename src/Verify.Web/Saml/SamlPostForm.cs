using System.Buffers;

using Microsoft.AspNetCore.Html;

namespace Verify.Web.Saml;

/// <summary>
/// A SAML HTTP-POST binding form (SAML Bindings 3.5) for the <c>_SamlPostForm</c> partial: the browser carries
/// <see cref="ParameterName"/> (SAMLRequest or SAMLResponse) and RelayState to <see cref="Destination"/>. It submits
/// itself with a nonce'd script, and shows a Continue button that works without JavaScript.
/// </summary>
public sealed record SamlPostForm
{
    /// <summary>
    /// The base64 and base64url alphabets (RFC 4648 sections 4 and 5; the hub's OIDC resume handle is base64url): no
    /// character of them means anything in an HTML attribute value.
    /// </summary>
    private static readonly SearchValues<char> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_");

    /// <summary>A form for the partial.</summary>
    /// <param name="destination">The registered endpoint the form posts to.</param>
    /// <param name="parameterName">SAMLRequest or SAMLResponse.</param>
    /// <param name="base64Message">The base64 message (PostBinding.Encode).</param>
    /// <param name="relayState">The RelayState, or null.</param>
    /// <param name="heading">What the page tells the citizen is happening.</param>
    /// <exception cref="ArgumentException"><paramref name="base64Message"/> is empty or not base64 (or base64url) text.</exception>
    public SamlPostForm(Uri destination, string parameterName, string base64Message, string? relayState, string heading)
    {
        ArgumentException.ThrowIfNullOrEmpty(base64Message);
        if (base64Message.AsSpan().ContainsAnyExcept(Base64Alphabet))
        {
            throw new ArgumentException("The message is not base64 text.", nameof(base64Message));
        }

        Destination = destination;
        ParameterName = parameterName;
        Base64Message = base64Message;
        RelayState = relayState;
        Heading = heading;
    }

    /// <summary>The registered endpoint the form posts to.</summary>
    public Uri Destination { get; init; }

    /// <summary>SAMLRequest or SAMLResponse.</summary>
    public string ParameterName { get; init; }

    /// <summary>The base64 message (PostBinding.Encode); only the constructor sets it, having checked it.</summary>
    public string Base64Message { get; }

    /// <summary>
    /// <see cref="Base64Message"/> for the value attribute as it is: checked to be base64 when the form was made, so it
    /// needs no HTML encoding (which would copy tens of kilobytes and turn every <c>+</c> into <c>&amp;#x2B;</c>).
    /// </summary>
    public IHtmlContent MessageAttributeValue => new HtmlString(Base64Message);

    /// <summary>The RelayState, or null.</summary>
    public string? RelayState { get; init; }

    /// <summary>What the page tells the citizen is happening.</summary>
    public string Heading { get; init; }

    /// <summary>
    /// Where <see cref="Destination"/> may redirect the POST on to (CSP 3: <c>form-action</c> governs the redirects
    /// too), e.g. an OIDC RP's registered redirect URIs after the hub's authorization endpoint. Empty for SAML.
    /// </summary>
    public IReadOnlyList<Uri> RedirectsTo { get; init; } = [];
}
