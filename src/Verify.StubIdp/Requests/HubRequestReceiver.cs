using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.StubIdp.Hosting;

namespace Verify.StubIdp.Requests;

/// <summary>
/// Receives the hub's AuthnRequest at a white-labelled IDP's SSO endpoint and turns it into a
/// <see cref="PendingRequest"/>, through <see cref="AuthnRequestValidator"/> only: signed by one of the hub's pinned
/// keys, Destination this IDP's SSO URL, fresh, not replayed, answerable at the hub's registered ACS.
/// </summary>
internal sealed class HubRequestReceiver : IDisposable
{
    private readonly StubIdpOptions _options;
    private readonly AuthnRequestValidator _validator;
    private readonly StubIdpUrls _urls;
    private readonly TrustedKeySet _hubKeys;
    private readonly AuthnRequestSender _hub;

    public HubRequestReceiver(StubIdpOptions options, AuthnRequestValidator validator, StubIdpUrls urls)
    {
        _options = options;
        _validator = validator;
        _urls = urls;

        // Pinned trust (ARCHITECTURE.md): the hub's registered keys are trusted as keys; a key carried in the
        // request's KeyInfo never is. The one ACS the stub answers to is the hub's registered one.
        _hubKeys = new TrustedKeySet(options.HubEntityId, [.. options.HubSigningCertificates.Select(TrustedSigningKey.FromCertificate)]);
        _hub = AuthnRequestSender.FromUrls(options.HubEntityId, _hubKeys, options.HubAcsUrl);
    }

    /// <summary>An AuthnRequest sent with HTTP-POST (the form fields as received, each at most once).</summary>
    /// <exception cref="SamlException">The request is refused; the code says why.</exception>
    public async Task<PendingRequest> ReceivePostAsync(WhiteLabelIdp idp, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        var message = PostBinding.Decode(form);
        var valid = await _validator.ValidatePostAsync(message, _urls.SingleSignOn(idp), FindSender, cancellationToken).ConfigureAwait(false);
        return Pending(idp, valid.Value);
    }

    /// <summary>An AuthnRequest sent with HTTP-Redirect (the raw query string as received).</summary>
    /// <exception cref="SamlException">The request is refused; the code says why.</exception>
    public async Task<PendingRequest> ReceiveRedirectAsync(WhiteLabelIdp idp, string rawQuery, CancellationToken cancellationToken)
    {
        // SAML Bindings 3.4.4.1: the query must be signed (WantAuthnRequestsSigned in our metadata).
        var message = RedirectBinding.Decode(rawQuery);
        var valid = await _validator.ValidateRedirectAsync(message, _urls.SingleSignOn(idp), FindSender, cancellationToken).ConfigureAwait(false);
        return Pending(idp, valid.Value);
    }

    public void Dispose()
    {
        foreach (var key in _hubKeys.Keys)
        {
            key.Dispose();
        }
    }

    // Only the hub may ask a certified IDP to authenticate: any other issuer is unknown here.
    private AuthnRequestSender? FindSender(string issuer) =>
        string.Equals(issuer, _options.HubEntityId, StringComparison.Ordinal) ? _hub : null;

    private PendingRequest Pending(WhiteLabelIdp idp, ValidAuthnRequest valid) => new()
    {
        Slug = idp.Slug,
        RequestId = valid.Request.Id,
        Issuer = valid.Issuer,
        AssertionConsumerServiceUrl = valid.AssertionConsumerServiceUrl,
        RelayState = valid.RelayState,
        RequestedAuthnContexts = valid.Request.RequestedAuthnContext?.AuthnContextClassRefs ?? [],
        Comparison = valid.Request.RequestedAuthnContext is { } context
            ? Saml.Samlp.RequestedAuthnContext.ToWireText(context.Comparison)
            : null,
        ReceivedAt = _options.TimeProvider.GetUtcNow(),
    };
}
