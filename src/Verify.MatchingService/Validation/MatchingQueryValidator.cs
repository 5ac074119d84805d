using System.Xml;

using Verify.MatchingService.Errors;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Validation;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.MatchingService.Validation;

/// <summary>
/// Checks the hub's matching query (ADR 0016) in the order that fails closed: the hub's signature on the query (its
/// registered key), then the query itself (issuer, destination, age, subject, what it asks), then each encrypted
/// assertion (decrypted with our keys, then its signature checked with its issuer's registered key: the IDP's, or the
/// hub's for cycle 3), then the assertions' rules (<see cref="IdpAssertionRules"/>), and last the replay cache, so a
/// refused query records nothing.
/// </summary>
internal sealed class MatchingQueryValidator
{
    /// <summary>The IDP's two assertions and, at most, the hub's cycle 3 assertion.</summary>
    private const int MaxAssertions = 3;

    private readonly MatchingServiceOptions _options;
    private readonly PartyKeys _keys;
    private readonly IReplayCache _replayCache;
    private readonly IReadOnlyList<DecryptionKey> _decryptionKeys;
    private readonly SamlXmlReader _reader = SamlXmlReader.Default;

    public MatchingQueryValidator(MatchingServiceOptions options, PartyKeys keys, IReplayCache replayCache, IReadOnlyList<DecryptionKey> decryptionKeys)
    {
        _options = options;
        _keys = keys;
        _replayCache = replayCache;
        _decryptionKeys = decryptionKeys;
    }

    /// <summary>Validates the SAML element of the SOAP body, received at <paramref name="receivedAt"/>.</summary>
    /// <exception cref="SamlException">Refused by a SAML rule.</exception>
    /// <exception cref="MatchingServiceException">Refused by one of the matching service's own rules.</exception>
    public async Task<ValidatedMatchingQuery> ValidateAsync(XmlElement element, string receivedAt, QueryEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(element);
        var now = _options.TimeProvider.GetUtcNow();
        if (element is not { LocalName: "AttributeQuery", NamespaceURI: XmlNames.Samlp })
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedRoot, "Expected samlp:AttributeQuery.");
        }

        // Hub profile: every query is signed by the hub, health checks included; read only the verified element.
        var verified = XmlSignatureVerifier.Verify(element, _keys.Hub);
        var query = _reader.ReadAttributeQuery(verified.Element);
        CheckHeader(query, receivedAt, now);

        var confirmation = query.Subject.SubjectConfirmations.Count == 1 ? query.Subject.SubjectConfirmations[0] : null;
        var content = confirmation?.Data?.Content ?? [];
        if (content.Count == 0)
        {
            // An AttributeQuery that carries no assertion is the hub's health check (Verify's MSA): it asks about no one.
            if (endpoint != QueryEndpoint.Match || query.Attributes.Count > 0)
            {
                throw new MatchingServiceException(MatchingServiceErrorCode.QueryKindMismatch);
            }

            await RecordAsync(query.Id, now, cancellationToken).ConfigureAwait(false);
            return new ValidatedMatchingQuery(query.Id, MatchingQueryKind.HealthCheck);
        }

        var requested = RequestedAttributes(query, endpoint);
        var (rp, acs, authnRequestId) = Confirmation(query.Subject, confirmation);
        var checkedAssertions = content.Any(IsOidcEvidence)
            ? await CheckOidcEvidenceAsync(content, query.Subject.NameId!, now).ConfigureAwait(false)
            : new IdpAssertionRules(_options, now).Check(query.Subject.NameId!, DecryptAndVerify(content));

        if (!AssuranceLevels.TryFromAuthnContext(checkedAssertions.AuthnStatement.AuthnContextClassRef, out var level)
            || !AssuranceLevels.Satisfies(level, _options.MinimumLevelOfAssurance))
        {
            // ARCHITECTURE.md: LEVEL_X marks fraud and satisfies nothing; below the minimum is never matched.
            throw new MatchingServiceException(MatchingServiceErrorCode.LevelOfAssuranceNotAccepted);
        }

        var kind = endpoint == QueryEndpoint.AccountCreation ? MatchingQueryKind.AccountCreation
            : checkedAssertions.Cycle3 is null ? MatchingQueryKind.Match
            : MatchingQueryKind.Cycle3;
        var result = new ValidatedMatchingQuery(query.Id, kind)
        {
            RelyingPartyEntityId = rp,
            AssertionConsumerServiceUrl = acs,
            AuthnRequestId = authnRequestId,
            IdpEntityId = checkedAssertions.IdpEntityId,
            HashedPid = HashedPid.Compute(checkedAssertions.IdpEntityId, _options.EntityId, checkedAssertions.Pid, level),
            LevelOfAssurance = level,
            AuthnInstant = checkedAssertions.AuthnStatement.AuthnInstant,
            MatchingDataset = checkedAssertions.MatchingDataset,
            Cycle3 = checkedAssertions.Cycle3,
            RequestedAttributes = requested,
        };

        await RecordAsync(query.Id, now, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private void CheckHeader(AttributeQuery query, string receivedAt, DateTimeOffset now)
    {
        // Hub profile: the hub is the only party that asks a matching service.
        if (!string.Equals(query.Issuer?.Value, _options.HubEntityId, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolIssuerMismatch);
        }

        // SAML Core 3.2.1: Destination, when present, MUST be where the query was received; the hub profile requires
        // it, so a query meant for one matching service (or its other endpoint) cannot be replayed at another.
        if (!string.Equals(query.Destination, receivedAt, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolDestinationMismatch);
        }

        // Verify: a request is valid for 5 minutes, with the clock skew either way.
        var validation = _options.Validation;
        if (query.IssueInstant > now + validation.ClockSkew)
        {
            throw new SamlException(SamlErrorCode.ProtocolNotYetValid);
        }

        if (query.IssueInstant < now - validation.MaxMessageAge - validation.ClockSkew)
        {
            throw new SamlException(SamlErrorCode.ProtocolExpired);
        }
    }

    /// <summary>A match names no attributes; an account creation names only Verify's account-creation attributes.</summary>
    private static List<string> RequestedAttributes(AttributeQuery query, QueryEndpoint endpoint)
    {
        var names = query.Attributes.Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        if ((endpoint == QueryEndpoint.Match) != (names.Count == 0))
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.QueryKindMismatch);
        }

        if (names.Any(name => !AccountCreationAttributeNames.All.Contains(name)))
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.AccountCreationAttributeUnknown);
        }

        return names;
    }

    /// <summary>
    /// The query's subject: the IDP's persistent NameID qualified by the relying party, and one bearer confirmation
    /// naming the RP's ACS and AuthnRequest (what the answer's assertion will be confirmed for).
    /// </summary>
    private static (string Rp, string Acs, string AuthnRequestId) Confirmation(Subject subject, SubjectConfirmation? confirmation)
    {
        if (subject.NameId is not { Format: NameIdFormats.Persistent, SPNameQualifier: { Length: > 0 } rp })
        {
            throw new SamlException(SamlErrorCode.MessageInvalidValue, "The query's subject must be a persistent NameID with the relying party as SPNameQualifier.");
        }

        if (confirmation is not { Method: SubjectConfirmationMethods.Bearer, Data: { Recipient: { Length: > 0 } acs, InResponseTo: { Length: > 0 } request } })
        {
            throw new SamlException(SamlErrorCode.ProtocolBearerConfirmationMissing, "The query needs one bearer confirmation naming the RP's ACS and request.");
        }

        return (rp, acs, request);
    }

    /// <summary>
    /// Decrypts each <c>saml:EncryptedAssertion</c> in place and checks its signature by its issuer's registered key.
    /// The issuer is read from the unverified assertion only to choose whose keys to try: a wrong claim fails there.
    /// </summary>
    private List<Assertion> DecryptAndVerify(IReadOnlyList<XmlElement> content)
    {
        if (content.Count > MaxAssertions)
        {
            throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected, "Too many assertions.");
        }

        // Hub profile: assertions travel encrypted for the matching service; a plain one is refused.
        if (content.Any(e => e is not { LocalName: "EncryptedAssertion", NamespaceURI: XmlNames.Saml }))
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedElement, "The query may carry only encrypted assertions.");
        }

        var assertions = new List<Assertion>(content.Count);
        foreach (var encrypted in content)
        {
            var decrypted = XmlDecryptor.DecryptAssertion(encrypted, _decryptionKeys);
            var issuer = IssuerOf(decrypted);
            var keys = string.Equals(issuer, _options.HubEntityId, StringComparison.Ordinal) ? _keys.Hub : _keys.Idp(issuer);

            // End-to-end trust: the IDP's own signature, checked with the IDP's registered key. The hub cannot make one.
            var verified = XmlSignatureVerifier.Verify(decrypted, keys);
            assertions.Add(_reader.ReadAssertion(verified.Element));
        }

        return assertions;
    }

    /// <summary>
    /// An OIDC IDP's evidence (ADR 0025): first the encrypted ID token, then at most the hub's cycle 3 assertion. The
    /// ID token is decrypted with our keys and checked by <see cref="OidcEvidenceRules"/> with the IDP's registered keys.
    /// </summary>
    private async Task<CheckedAssertions> CheckOidcEvidenceAsync(IReadOnlyList<XmlElement> content, NameId querySubject, DateTimeOffset now)
    {
        if (content.Count > 2 || !IsOidcEvidence(content[0]) || content.Skip(1).Any(e => e is not { LocalName: "EncryptedAssertion", NamespaceURI: XmlNames.Saml }))
        {
            throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected, "One encrypted ID token, then at most the hub's cycle 3 assertion.");
        }

        var decrypted = XmlDecryptor.DecryptElement(content[0], _decryptionKeys, MatchingQueryOidcEvidence.Namespace, MatchingQueryOidcEvidence.ElementName);
        MatchingQueryOidcEvidence evidence;
        try
        {
            evidence = MatchingQueryOidcEvidence.Read(decrypted);
        }
        catch (SamlException)
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.IdTokenMalformed);
        }

        var rules = new IdpAssertionRules(_options, now);
        var checkedToken = await new OidcEvidenceRules(_options, now).CheckAsync(evidence, querySubject).ConfigureAwait(false);
        var hub = DecryptAndVerify([.. content.Skip(1)]);
        if (hub.Any(a => !string.Equals(a.Issuer.Value, _options.HubEntityId, StringComparison.Ordinal)
            || a.Subject?.NameId is not { } subject || subject.Value != querySubject.Value || subject.Format != querySubject.Format))
        {
            throw new SamlException(SamlErrorCode.ProtocolSubjectMismatch, "Beside an ID token, only the hub's cycle 3 assertion about the same subject.");
        }

        return hub.Count == 1 ? checkedToken with { Cycle3 = rules.Cycle3Of(hub[0]) } : checkedToken;
    }

    private static bool IsOidcEvidence(XmlElement element) =>
        element is { LocalName: MatchingQueryOidcEvidence.EncryptedElementName, NamespaceURI: MatchingQueryOidcEvidence.Namespace };

    private static string IssuerOf(XmlElement assertion)
    {
        var issuer = assertion.ChildNodes.OfType<XmlElement>().FirstOrDefault();
        return issuer is { LocalName: "Issuer", NamespaceURI: XmlNames.Saml } && issuer.InnerText.Trim() is { Length: > 0 } value
            ? value
            : throw new SamlException(SamlErrorCode.MessageMissingElement, "saml:Issuer in saml:Assertion.");
    }

    private async Task RecordAsync(string queryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Each query is answered once: a replayed query (even a health check) is refused, whoever sends it.
        if (!await _replayCache.TryAddAsync("attribute-query:" + _options.HubEntityId, queryId, now + _options.Validation.ReplayRetention, cancellationToken).ConfigureAwait(false))
        {
            throw new SamlException(SamlErrorCode.ProtocolReplayed);
        }
    }
}
