namespace Verify.Web.Saml;

/// <summary>
/// A SAML HTTP-POST binding form (SAML Bindings 3.5) for the <c>_SamlPostForm</c> partial: the browser carries
/// <see cref="ParameterName"/> (SAMLRequest or SAMLResponse) and RelayState to <see cref="Destination"/>. It submits
/// itself with a nonce'd script, and shows a Continue button that works without JavaScript.
/// </summary>
/// <param name="Destination">The registered endpoint the form posts to.</param>
/// <param name="ParameterName">SAMLRequest or SAMLResponse.</param>
/// <param name="Base64Message">The base64 message (PostBinding.Encode).</param>
/// <param name="RelayState">The RelayState, or null.</param>
/// <param name="Heading">What the page tells the citizen is happening.</param>
public sealed record SamlPostForm(Uri Destination, string ParameterName, string Base64Message, string? RelayState, string Heading)
{
    /// <summary>
    /// Where <see cref="Destination"/> may redirect the POST on to (CSP 3: <c>form-action</c> governs the redirects
    /// too), e.g. an OIDC RP's registered redirect URIs after the hub's authorization endpoint. Empty for SAML.
    /// </summary>
    public IReadOnlyList<Uri> RedirectsTo { get; init; } = [];
}
