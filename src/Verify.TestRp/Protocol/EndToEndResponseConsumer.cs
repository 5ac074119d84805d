using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.TestRp.Outcomes;
using Verify.TestRp.RequestState;

namespace Verify.TestRp.Protocol;

/// <summary>
/// What an end-to-end registration checks (ARCHITECTURE.md "end-to-end", ADR 0018): the Response is the hub's, signed
/// by a pinned hub key and answering our request; on success it carries exactly one encrypted assertion, which we
/// decrypt and check with <b>our matching service's</b> pinned key (the hub relays it and never re-signs it, so a
/// compromised hub cannot forge who matched), addressed to us and confirmed for our ACS and request (SAML Profiles
/// 4.1.4.2–4.1.4.5). Failures carry the hub's status, as for every registration.
/// </summary>
internal sealed class EndToEndResponseConsumer : IDisposable
{
    private readonly TestRpOptions _options;
    private readonly TestRpService _service;
    private readonly string _acsUrl;
    private readonly TrustedKeySet _hubKeys;
    private readonly TrustedKeySet _matchingServiceKeys;
    private readonly IReplayCache _replayCache;

    public EndToEndResponseConsumer(TestRpOptions options, TestRpService service, string acsUrl)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _acsUrl = acsUrl ?? throw new ArgumentNullException(nameof(acsUrl));
        _hubKeys = new TrustedKeySet(options.HubEntityId, [.. options.HubSigningCertificates.Select(TrustedSigningKey.FromCertificate)]);
        _matchingServiceKeys = new TrustedKeySet(
            service.MatchingServiceEntityId!, [.. service.MatchingServiceSigningCertificates.Select(TrustedSigningKey.FromCertificate)]);
        _replayCache = options.ReplayCache ?? new InMemoryReplayCache(options.TimeProvider);
    }

    /// <summary>Checks <paramref name="message"/> against the request this browser is waiting on.</summary>
    /// <exception cref="SamlException">The Response is refused; the code says which rule it broke.</exception>
    public async Task<AcsResult> ConsumeAsync(PostMessage message, PendingRequest? pending, CancellationToken cancellationToken)
    {
        HubResponseConsumer.CheckRequestState(message, pending);
        var now = _options.TimeProvider.GetUtcNow();

        // The Response is the hub's: its signature by a pinned hub key, reading only the verified element.
        var response = SamlXmlReader.Default.ReadResponse(XmlSignatureVerifier.Verify(message.Document.DocumentElement!, _hubKeys).Element);
        Require(response.Destination == _acsUrl, SamlErrorCode.ProtocolDestinationMismatch); // SAML Core 3.2.2
        Require(response.Issuer?.Value == _options.HubEntityId, SamlErrorCode.ProtocolIssuerMismatch); // SAML Profiles 4.1.4.2
        Require(response.InResponseTo == pending.RequestId, SamlErrorCode.ProtocolInResponseToMismatch); // SAML Profiles 4.1.5
        CheckInstant(response.IssueInstant, now, maxAge: true);

        // End-to-end shape: the matching service's assertion, encrypted for us; a plain assertion was readable on the way.
        Require(response.Assertions.Count == 0, SamlErrorCode.ProtocolAssertionShapeUnexpected);
        if (!response.Status.IsSuccess)
        {
            Require(response.EncryptedAssertions.Count == 0, SamlErrorCode.ProtocolAssertionShapeUnexpected);
            await RecordAsync(_options.HubEntityId, response.Id, now, cancellationToken).ConfigureAwait(false);
            return AcsResult.Failed(HubResponseConsumer.Failure(message, IdpStatusMapping.ToOutcome(response.Status)));
        }

        Require(response.EncryptedAssertions.Count == 1, SamlErrorCode.ProtocolAssertionShapeUnexpected);
        var decrypted = XmlDecryptor.DecryptAssertion(response.EncryptedAssertions[0], _options.DecryptionKeys);

        // The assertion is the matching service's, signed with its pinned key: never the hub's.
        var assertion = SamlXmlReader.Default.ReadAssertion(XmlSignatureVerifier.Verify(decrypted, _matchingServiceKeys).Element);
        Require(assertion.Issuer.Value == _service.MatchingServiceEntityId, SamlErrorCode.ProtocolIssuerMismatch);

        // It was made when the citizen matched, which may be minutes before they continued: its own window decides
        // (Conditions and the bearer NotOnOrAfter, below), not the 5-minute message age.
        CheckInstant(assertion.IssueInstant, now, maxAge: false);
        var nameId = assertion.Subject?.NameId;
        Require(nameId?.Format == NameIdFormats.Persistent, SamlErrorCode.MessageInvalidValue);
        CheckBearer(assertion.Subject!, pending, now);
        CheckConditions(assertion.Conditions, now);
        Require(assertion.AuthnStatements.Count == 1, SamlErrorCode.ProtocolAssertionShapeUnexpected);
        var level = assertion.AuthnStatements[0].AuthnContextClassRef;
        Require(
            LevelOfAssurance.Satisfies(level, _service.RequestedLevels, _options.RequestedLevelComparison),
            SamlErrorCode.ProtocolAuthnContextMissing);

        // SAML Profiles 4.1.4.5: a bearer assertion is used once; the Response too.
        await RecordAsync(_options.HubEntityId, response.Id, now, cancellationToken).ConfigureAwait(false);
        await RecordAsync(_service.MatchingServiceEntityId!, assertion.Id, now, cancellationToken).ConfigureAwait(false);
        return AcsResult.Success(new VerifiedIdentity(LevelOfAssurance.NameOf(level)!, level!, nameId!.Value, AttributeDisplay.From(assertion))
        {
            ServiceEntityId = _service.EntityId,
            AssertedBy = assertion.Issuer.Value,
        });
    }

    public void Dispose()
    {
        foreach (var key in _hubKeys.Keys.Concat(_matchingServiceKeys.Keys))
        {
            key.Dispose();
        }
    }

    private void CheckBearer(Subject subject, PendingRequest pending, DateTimeOffset now)
    {
        // SAML Profiles 4.1.4.2–4.1.4.3: a bearer confirmation for our ACS, our request, within its window.
        var skew = _options.Validation.ClockSkew;
        var confirmed = subject.SubjectConfirmations.Any(c => c.Method == SubjectConfirmationMethods.Bearer
            && c.Data is { NotOnOrAfter: { } notOnOrAfter } data
            && data.Recipient == _acsUrl
            && data.InResponseTo == pending.RequestId
            && now - skew < notOnOrAfter
            && (data.NotBefore is not { } notBefore || now + skew >= notBefore));
        Require(confirmed, SamlErrorCode.ProtocolBearerConfirmationMissing);
    }

    private void CheckConditions(Conditions? conditions, DateTimeOffset now)
    {
        // SAML Core 2.5.1.4: every AudienceRestriction names us (the matching service lists the RP and the hub).
        Require(
            conditions is { AudienceRestrictions.Count: > 0 } && conditions.AudienceRestrictions.All(r => r.Contains(_service.EntityId, StringComparer.Ordinal)),
            SamlErrorCode.ProtocolAudienceMismatch);
        var skew = _options.Validation.ClockSkew;
        Require(conditions!.NotBefore is not { } notBefore || now + skew >= notBefore, SamlErrorCode.ProtocolNotYetValid);
        Require(conditions.NotOnOrAfter is not { } notOnOrAfter || now - skew < notOnOrAfter, SamlErrorCode.ProtocolExpired);
    }

    private void CheckInstant(DateTimeOffset issueInstant, DateTimeOffset now, bool maxAge)
    {
        var validation = _options.Validation;
        Require(issueInstant <= now + validation.ClockSkew, SamlErrorCode.ProtocolNotYetValid);
        Require(!maxAge || issueInstant >= now - validation.MaxMessageAge - validation.ClockSkew, SamlErrorCode.ProtocolExpired);
    }

    private async Task RecordAsync(string issuer, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = await _replayCache.TryAddAsync("saml:" + issuer, id, now + _options.Validation.ReplayRetention, cancellationToken).ConfigureAwait(false);
        Require(added, SamlErrorCode.ProtocolReplayed);
    }

    private static void Require(bool rule, SamlErrorCode code)
    {
        if (!rule)
        {
            throw new SamlException(code);
        }
    }
}
