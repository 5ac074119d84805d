using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

namespace Verify.Saml.Validation;

/// <summary>
/// Validates a samlp:Response against the request we sent (SAML Core 3.2.2, SAML Profiles 4.1.4.2–4.1.4.5),
/// in the order that fails closed: signatures first (reading only verified elements), then the
/// message, then each assertion, and last the replay cache, so a refused message records nothing.
/// </summary>
public sealed class ResponseValidator
{
    private readonly SamlValidationOptions _options;
    private readonly IReplayCache _replayCache;
    private readonly TimeProvider _timeProvider;
    private readonly SamlXmlReader _reader;

    public ResponseValidator(SamlValidationOptions options, IReplayCache replayCache, TimeProvider timeProvider, SamlXmlReader? reader = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _replayCache = replayCache ?? throw new ArgumentNullException(nameof(replayCache));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _reader = reader ?? SamlXmlReader.Default;
    }

    /// <summary>Validates <paramref name="document"/> (already decrypted) against <paramref name="expected"/>.</summary>
    /// <exception cref="SamlException">The Response is refused; the code says which rule it broke.</exception>
    public async Task<Valid<IdpResponse>> ValidateAsync(XmlDocument document, ExpectedResponse expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(expected);
        var now = _timeProvider.GetUtcNow();

        var signed = SignedResponseVerifier.Verify(document, expected.IssuerKeys, expected.RequireSignedResponse, expected.DecryptionKeys);
        var response = _reader.ReadResponse(document.DocumentElement!);
        var checks = new AssertionChecks(expected, _options, now);

        // SAML Bindings 3.5.5.2: a signed message sent over POST carries Destination; SAML Core 3.2.2: it
        // MUST be the location the message was received at.
        if (!string.Equals(response.Destination, expected.Destination, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolDestinationMismatch);
        }

        // SAML Profiles 4.1.4.2: Issuer MUST be present when the Response is signed; hub profile: it is
        // the party we sent the request to (from our request state).
        if (!string.Equals(response.Issuer?.Value, expected.Issuer, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolIssuerMismatch);
        }

        // SAML Profiles 4.1.4.2 / 4.1.5: we never accept unsolicited responses; InResponseTo is our request.
        if (response.InResponseTo is null)
        {
            throw new SamlException(SamlErrorCode.ProtocolUnsolicitedResponse);
        }

        if (!string.Equals(response.InResponseTo, expected.InResponseTo, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolInResponseToMismatch);
        }

        checks.CheckIssueInstant(response.IssueInstant, maxAge: true);

        var outcome = IdpStatusMapping.ToOutcome(response.Status);
        if (response.EncryptedAssertions.Count > 0)
        {
            // Decryption happens before validation; an EncryptedAssertion left here was never read.
            throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected, "Encrypted assertions must be decrypted first.");
        }

        foreach (var assertion in response.Assertions)
        {
            // The element read must be an element whose signature was verified.
            if (!signed.Assertions.Any(v => ReferenceEquals(v.Element, assertion.Source)))
            {
                throw new SamlException(SamlErrorCode.ProtocolAssertionNotVerified);
            }
        }

        var result = outcome == IdpOutcome.Success
            ? checks.Success(response)
            : checks.Failure(response, outcome);

        await RecordAsync(response, now, cancellationToken).ConfigureAwait(false);
        return new Valid<IdpResponse>(result);
    }

    private async Task RecordAsync(Response response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // SAML Profiles 4.1.4.5: each bearer assertion is used once. We also remember Response IDs.
        var scope = "saml:" + response.Issuer!.Value;
        var until = now + _options.ReplayRetention;
        string[] ids = [response.Id, .. response.Assertions.Select(a => a.Id)];
        if (!await _replayCache.TryAddAllAsync(scope, ids, until, cancellationToken).ConfigureAwait(false))
        {
            throw new SamlException(SamlErrorCode.ProtocolReplayed);
        }
    }

    /// <summary>The IDP's level-of-assurance URIs this profile recognises.</summary>
    internal static bool IsKnownAuthnContext(string classRef) => classRef is AuthnContexts.Level1 or AuthnContexts.Level2
        or AuthnContexts.Level3 or AuthnContexts.Level4 or AuthnContexts.LevelX;
}
