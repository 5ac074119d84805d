using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Metadata;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

namespace Verify.Saml.Validation;

/// <summary>
/// Validates an AuthnRequest received over HTTP-POST or HTTP-Redirect from a registered party (the hub checks RPs'
/// requests; an IDP checks the hub's): signed by the sender's registered key, the element used is the element
/// signed, Destination is where it arrived, fresh, not replayed, and answerable only at a registered assertion
/// consumer service with HTTP-POST. Fails closed: any failure throws <see cref="SamlException"/>, and only success
/// makes a <see cref="Valid{T}"/>.
/// </summary>
public sealed class AuthnRequestValidator
{
    private const string ReplayScopePrefix = "authnrequest:";

    private readonly SamlValidationOptions _options;
    private readonly IReplayCache _replayCache;
    private readonly TimeProvider _timeProvider;
    private readonly SamlXmlReader _reader;

    /// <summary>Creates the validator.</summary>
    public AuthnRequestValidator(SamlValidationOptions options, IReplayCache replayCache, TimeProvider timeProvider, SamlXmlReader? reader = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _replayCache = replayCache ?? throw new ArgumentNullException(nameof(replayCache));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _reader = reader ?? SamlXmlReader.Default;
    }

    /// <summary>An AuthnRequest from the HTTP-POST binding: the XML signature on the request element is required.</summary>
    /// <param name="message">The decoded POST message.</param>
    /// <param name="destination">The URL the request was received at.</param>
    /// <param name="findSender">The registered, enabled sender for an Issuer, or null.</param>
    /// <param name="cancellationToken">Cancels the replay-cache call.</param>
    public Task<Valid<ValidAuthnRequest>> ValidatePostAsync(
        PostMessage message, string destination, Func<string, AuthnRequestSender?> findSender, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(findSender);
        var sender = SenderOf(message.Document, message.Kind, findSender);

        // SAML Bindings 3.5.3 / Profiles 4.1.3.3: with HTTP-POST the request itself carries the signature; the
        // element read below is the one verified (the document element), so no wrapped copy can be used.
        var verified = XmlSignatureVerifier.Verify(message.Document.DocumentElement!, sender.SigningKeys);
        return CheckAsync(verified.Element, sender, destination, message.RelayState, cancellationToken);
    }

    /// <summary>
    /// An AuthnRequest from the HTTP-Redirect binding: the query signature (over the raw octets received) is required;
    /// a signature inside the XML is not how this binding signs and is not trusted.
    /// </summary>
    public Task<Valid<ValidAuthnRequest>> ValidateRedirectAsync(
        RedirectMessage message, string destination, Func<string, AuthnRequestSender?> findSender, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(findSender);
        var sender = SenderOf(message.Document, message.Kind, findSender);

        // SAML Bindings 3.4.4.1: the signature covers SAMLRequest, RelayState and SigAlg as received.
        var verified = message.VerifySignature(sender.SigningKeys);
        return CheckAsync(verified.Element, sender, destination, message.RelayState, cancellationToken);
    }

    private AuthnRequestSender SenderOf(XmlDocument document, SamlMessageKind kind, Func<string, AuthnRequestSender?> findSender)
    {
        if (kind != SamlMessageKind.Request)
        {
            throw new SamlException(SamlErrorCode.BindingMessageTypeMismatch);
        }

        // The Issuer is read before the signature is checked only to choose whose keys check it; nothing else of the
        // unverified message is used. SAML Profiles 4.1.4.1: the Issuer MUST be present.
        var unverified = _reader.ReadAuthnRequest(document.DocumentElement!);
        var issuer = unverified.Issuer?.Value ?? throw new SamlException(SamlErrorCode.MessageMissingElement, "The request has no Issuer.");
        if (unverified.Issuer.Format is { } format && format != NameIdFormats.Entity)
        {
            throw new SamlException(SamlErrorCode.MessageInvalidValue, "The Issuer's Format must be entity.");
        }

        var sender = findSender(issuer) ?? throw new SamlException(SamlErrorCode.ProtocolIssuerUnknown);
        if (!string.Equals(sender.EntityId, issuer, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolIssuerMismatch);
        }

        return sender;
    }

    private async Task<Valid<ValidAuthnRequest>> CheckAsync(
        XmlElement verifiedElement, AuthnRequestSender sender, string destination, string? relayState, CancellationToken cancellationToken)
    {
        var request = _reader.ReadAuthnRequest(verifiedElement);
        var now = _timeProvider.GetUtcNow();

        // SAML Core 3.2.1 and Bindings 3.4.5.2/3.5.5.2: Destination is required of a signed request here and MUST be
        // the location it was received at (a request captured for another endpoint is refused).
        if (!string.Equals(request.Destination, destination, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolDestinationMismatch);
        }

        // Verify: an AuthnRequest is valid for 5 minutes; allow the configured skew for clocks ahead of ours.
        if (request.IssueInstant > now + _options.ClockSkew)
        {
            throw new SamlException(SamlErrorCode.ProtocolNotYetValid);
        }

        if (request.IssueInstant + _options.MaxMessageAge + _options.ClockSkew < now)
        {
            throw new SamlException(SamlErrorCode.ProtocolExpired);
        }

        var acs = AssertionConsumerService(request, sender);
        CheckProfile(request);

        // Verify kept a duplicate request-ID cache: the same request (a replay, or the back button) starts nothing.
        if (!await _replayCache.TryAddAsync(ReplayScopePrefix + sender.EntityId, request.Id, now + _options.ReplayRetention, cancellationToken)
            .ConfigureAwait(false))
        {
            throw new SamlException(SamlErrorCode.ProtocolReplayed);
        }

        return new Valid<ValidAuthnRequest>(new ValidAuthnRequest
        {
            Request = request,
            Issuer = sender.EntityId,
            AssertionConsumerServiceUrl = acs,
            RelayState = relayState,
        });
    }

    private static string AssertionConsumerService(AuthnRequest request, AuthnRequestSender sender)
    {
        // SAML Core 3.4.1: AssertionConsumerServiceIndex is mutually exclusive with the URL and ProtocolBinding.
        if (request.AssertionConsumerServiceIndex is not null && (request.AssertionConsumerServiceUrl is not null || request.ProtocolBinding is not null))
        {
            throw new SamlException(SamlErrorCode.MessageInvalidValue, "AssertionConsumerServiceIndex excludes AssertionConsumerServiceURL and ProtocolBinding.");
        }

        // The hub answers with HTTP-POST only (SAML Profiles 4.1.2: Redirect cannot carry a Response).
        if (request.ProtocolBinding is not null && request.ProtocolBinding != SamlBindings.HttpPost)
        {
            throw new SamlException(SamlErrorCode.ProtocolBindingNotSupported);
        }

        var posts = sender.AssertionConsumerServices.Where(e => e.Binding == SamlBindings.HttpPost).ToList();
        IndexedEndpoint? chosen;
        if (request.AssertionConsumerServiceUrl is { } url)
        {
            // SAML Profiles 4.1.4.1: the IdP MUST verify that a named ACS URL belongs to the requester (metadata).
            chosen = posts.FirstOrDefault(e => string.Equals(e.Location, url, StringComparison.Ordinal));
        }
        else if (request.AssertionConsumerServiceIndex is { } index)
        {
            chosen = posts.FirstOrDefault(e => e.Index == index);
        }
        else
        {
            chosen = IndexedEndpoint.SelectDefault(posts);
        }

        return chosen?.Location ?? throw new SamlException(SamlErrorCode.ProtocolAcsNotRegistered);
    }

    private static void CheckProfile(AuthnRequest request)
    {
        // The hub always shows the citizen its pages: it cannot authenticate passively (SAML Core 3.4.1 IsPassive).
        if (request.IsPassive)
        {
            throw new SamlException(SamlErrorCode.ProtocolRequestNotSupported, "IsPassive is not supported.");
        }

        // Hub profile: the RP receives a persistent pairwise identifier, nothing else.
        if (request.NameIdPolicy?.Format is { } format && format is not (NameIdFormats.Persistent or NameIdFormats.Unspecified))
        {
            throw new SamlException(SamlErrorCode.ProtocolRequestNotSupported, "Only the persistent NameID format is issued.");
        }
    }
}
