using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.TestRp.Outcomes;
using Verify.TestRp.RequestState;

namespace Verify.TestRp.Protocol;

/// <summary>
/// Everything the RP checks before it believes a Response from the hub (SAML Profiles 4.1.4.2–4.1.4.5), in an order
/// that fails closed: the browser's request state first, then <see cref="ResponseValidator"/> (signatures by the
/// pinned hub keys, decryption, Destination, Issuer, InResponseTo, status, audience, recipient, times, replay), and
/// last the level of assurance. Every refusal is a <see cref="SamlException"/> naming the rule.
/// </summary>
internal sealed class HubResponseConsumer : IDisposable
{
    private readonly TestRpOptions _options;
    private readonly TrustedKeySet _hubKeys;
    private readonly ResponseValidator _validator;
    private readonly string _acsUrl;
    private readonly string _entityId;
    private readonly IReadOnlyList<string> _levels;

    /// <param name="options">The RP's options.</param>
    /// <param name="acsUrl">Our ACS URL.</param>
    /// <param name="service">A hub-asserted registration of <see cref="TestRpOptions.Services"/>; null for the RP's own.</param>
    public HubResponseConsumer(TestRpOptions options, string acsUrl, TestRpService? service = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _acsUrl = acsUrl ?? throw new ArgumentNullException(nameof(acsUrl));
        _entityId = service?.EntityId ?? options.EntityId;
        _levels = service?.RequestedLevels ?? options.RequestedLevels;

        // ARCHITECTURE.md: signatures are checked against the key registered for that party, never a key carried in
        // the message. The hub's keys are pinned from configuration.
        _hubKeys = new TrustedKeySet(options.HubEntityId, [.. options.HubSigningCertificates.Select(TrustedSigningKey.FromCertificate)]);
        _validator = new ResponseValidator(
            options.Validation,
            options.ReplayCache ?? new InMemoryReplayCache(options.TimeProvider),
            options.TimeProvider);
    }

    /// <summary>Checks <paramref name="message"/> against the request this browser is waiting on.</summary>
    /// <param name="message">The Response as received at the ACS over HTTP-POST.</param>
    /// <param name="pending">The request state from the browser's cookie; null when it had none we could read.</param>
    /// <param name="cancellationToken">Cancels the replay-cache write.</param>
    /// <exception cref="SamlException">The Response is refused; the code says which rule it broke.</exception>
    public async Task<AcsResult> ConsumeAsync(PostMessage message, PendingRequest? pending, CancellationToken cancellationToken)
    {
        CheckRequestState(message, pending);
        var expected = new ExpectedResponse
        {
            Issuer = _options.HubEntityId,
            IssuerKeys = _hubKeys,
            Destination = _acsUrl,
            Audience = _entityId,
            InResponseTo = pending.RequestId,
            DecryptionKeys = _options.DecryptionKeys,

            // Hub profile (ARCHITECTURE.md "hub-asserted"): the Response is signed, and on success it carries one
            // assertion, signed by the hub and encrypted for us, with the AuthnStatement and the attributes.
            RequireSignedResponse = true,
            Shape = ResponseShape.SingleAssertion,
        };
        var valid = await _validator.ValidateAsync(message.Document, expected, cancellationToken).ConfigureAwait(false);
        var response = valid.Value;
        return response.Outcome switch
        {
            IdpOutcome.Success => AcsResult.Success(Identity(response)),

            // ARCHITECTURE.md: LEVEL_X is not a level; fraud is never success. The hub never sends it to an RP.
            IdpOutcome.Fraud => throw new SamlException(SamlErrorCode.ProtocolAuthnContextMissing, "LEVEL_X is not a level of assurance."),
            _ => AcsResult.Failed(Failure(message, response.Outcome)),
        };
    }

    /// <summary>The browser's request state: there is one, and the RelayState is the one sent with it.</summary>
    /// <exception cref="SamlException">No request is waiting, or the RelayState is another.</exception>
    internal static void CheckRequestState(PostMessage message, [System.Diagnostics.CodeAnalysis.NotNull] PendingRequest? pending)
    {
        ArgumentNullException.ThrowIfNull(message);

        // SAML Profiles 4.1.5: we accept no unsolicited responses. A Response this browser did not ask for (no request
        // state, or one we did not make) is refused, which also stops login CSRF: an attacker posting their own valid
        // Response to a victim's browser.
        if (pending is null)
        {
            throw new SamlException(
                SamlErrorCode.ProtocolUnsolicitedResponse,
                "This browser has no request waiting for an answer: its request cookie is missing, expired or was not made by this service.");
        }

        // SAML Bindings 3.5.3: RelayState MUST come back exactly as sent. A different one means the Response belongs to
        // another request than the one this browser is waiting on.
        if (!string.Equals(message.RelayState, pending.RelayState, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolInResponseToMismatch, "RelayState is not the one sent with this browser's request.");
        }
    }

    public void Dispose()
    {
        foreach (var key in _hubKeys.Keys)
        {
            key.Dispose();
        }
    }

    private VerifiedIdentity Identity(IdpResponse response)
    {
        // The level asserted must be one we asked for (SAML Core 3.3.2.2.1): the hub should never send less, and a
        // service must not act on an identity proved to a lower level than it needs.
        var level = response.AuthnContextClassRef;
        if (!LevelOfAssurance.Satisfies(level, _levels, _options.RequestedLevelComparison))
        {
            throw new SamlException(SamlErrorCode.ProtocolAuthnContextMissing, "The level of assurance is not one this service requested.");
        }

        // SAML Core 3.4.1.1: we asked for a persistent identifier; the hub answers with one or not at all. Anything
        // else (a transient ID, an email address) is not the pairwise identifier to link an account to.
        var nameId = response.NameId!;
        if (nameId.Format != NameIdFormats.Persistent)
        {
            throw new SamlException(SamlErrorCode.MessageInvalidValue, "The NameID is not persistent, as the request's NameIDPolicy asked.");
        }

        return new VerifiedIdentity(
            LevelOfAssurance.NameOf(level)!,
            level!,
            nameId.Value,
            AttributeDisplay.From(response.AuthnAssertion!))
        {
            ServiceEntityId = _entityId,
        };
    }

    internal static FailureStatus Failure(PostMessage message, IdpOutcome outcome)
    {
        // The validator verified the signature on this very root element and refused anything else unsigned, so the
        // status is read from the verified document (IdpResponse carries the outcome, not the codes and message).
        var status = SamlXmlReader.Default.ReadResponse(message.Document.DocumentElement!).Status;
        return new FailureStatus(
            outcome,
            status.StatusCode.Value,
            status.StatusCode.SubCode?.Value,
            status.StatusMessage,
            status.DetailValues);
    }
}
