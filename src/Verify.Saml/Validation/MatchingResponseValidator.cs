using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.Saml.Validation;

/// <summary>
/// The hub's check of a matching service's answer to its AttributeQuery (ADR 0016), failing closed in this order:
/// the Response signature by the matching service's registered key; decryption with the hub's keys; the assertion's
/// own signature by the same key; the Response (issuer, InResponseTo = our query, age, status); the assertion
/// (issuer, subject = the hashed PID we expect, bearer confirmation for the RP's ACS and request, audience = the RP,
/// validity window); last the replay cache, so a refused answer records nothing.
/// </summary>
public sealed class MatchingResponseValidator
{
    /// <summary>Most assertions in a matching service's answer.</summary>
    public const int MaxAssertions = 1;

    private readonly SamlValidationOptions _options;
    private readonly IReplayCache _replayCache;
    private readonly TimeProvider _timeProvider;
    private readonly SamlXmlReader _reader;

    public MatchingResponseValidator(SamlValidationOptions options, IReplayCache replayCache, TimeProvider timeProvider, SamlXmlReader? reader = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _replayCache = replayCache ?? throw new ArgumentNullException(nameof(replayCache));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _reader = reader ?? SamlXmlReader.Default;
    }

    /// <summary>Validates the <c>samlp:Response</c> element (as <c>SamlSoapClient</c> returns it) against <paramref name="expected"/>.</summary>
    /// <exception cref="SamlException">The answer is refused; the code says which rule it broke.</exception>
    public async Task<Valid<MatchingServiceAnswer>> ValidateAsync(XmlElement response, ExpectedMatchingResponse expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(expected);
        var now = _timeProvider.GetUtcNow();
        if (response is not { LocalName: "Response", NamespaceURI: XmlNames.Samlp })
        {
            throw new SamlException(SamlErrorCode.MessageUnexpectedRoot, "Expected samlp:Response.");
        }

        // Hub profile: the matching service signs every Response, failures included; the key is the one registered
        // for it, never one carried in the message.
        XmlSignatureVerifier.Verify(response, expected.MatchingServiceKeys);
        var verifiedAssertions = VerifyAssertions(response, expected);
        var message = _reader.ReadResponse(response);

        if (!string.Equals(message.Issuer?.Value, expected.MatchingServiceEntityId, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolIssuerMismatch);
        }

        // SAML Core 3.2.2: InResponseTo is the ID of the request answered; an answer to another query is refused.
        if (message.InResponseTo is null)
        {
            throw new SamlException(SamlErrorCode.ProtocolUnsolicitedResponse);
        }

        if (!string.Equals(message.InResponseTo, expected.InResponseTo, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolInResponseToMismatch);
        }

        CheckInstant(message.IssueInstant, now);
        var outcome = OutcomeOf(message.Status);
        var carriesAssertion = outcome is MatchingServiceOutcome.Match or MatchingServiceOutcome.AccountCreated;
        if (message.Assertions.Count != (carriesAssertion ? 1 : 0))
        {
            throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected, carriesAssertion
                ? "A match or account created carries exactly one assertion."
                : "This status carries no assertion.");
        }

        var answer = new MatchingServiceAnswer
        {
            ResponseId = message.Id,
            Issuer = expected.MatchingServiceEntityId,
            Outcome = outcome,
            StatusMessage = message.Status.StatusMessage,
        };
        if (carriesAssertion)
        {
            var assertion = message.Assertions[0];
            if (!verifiedAssertions.Any(v => ReferenceEquals(v.Element, assertion.Source)))
            {
                throw new SamlException(SamlErrorCode.ProtocolAssertionNotVerified);
            }

            CheckAssertion(assertion, expected, now);
            answer = answer with
            {
                Assertion = assertion,
                HashedPid = assertion.Subject!.NameId!.Value,
                AuthnContextClassRef = assertion.AuthnStatements.Count > 0 ? assertion.AuthnStatements[0].AuthnContextClassRef : null,
                Attributes = outcome == MatchingServiceOutcome.AccountCreated ? [.. assertion.Attributes] : [],
            };
        }

        await RecordAsync(message, now, cancellationToken).ConfigureAwait(false);
        return new Valid<MatchingServiceAnswer>(answer);
    }

    /// <summary>
    /// Decrypts each EncryptedAssertion child in place and verifies every assertion's signature. Assertions are taken
    /// only as direct children of the Response (SAML Core 3.3.3): one anywhere else is an injection attempt.
    /// </summary>
    private static List<VerifiedElement> VerifyAssertions(XmlElement response, ExpectedMatchingResponse expected)
    {
        foreach (var encrypted in response.ChildNodes.OfType<XmlElement>()
            .Where(e => e is { LocalName: "EncryptedAssertion", NamespaceURI: XmlNames.Saml }).ToList())
        {
            if (expected.DecryptionKeys.Count == 0)
            {
                throw new SamlException(SamlErrorCode.EncryptionKeyMissing);
            }

            XmlDecryptor.DecryptAssertion(encrypted, expected.DecryptionKeys);
        }

        var verified = new List<VerifiedElement>();
        foreach (var assertion in XmlIds.Descendants(response).Where(e => e is { LocalName: "Assertion", NamespaceURI: XmlNames.Saml }).ToList())
        {
            if (!ReferenceEquals(assertion.ParentNode, response))
            {
                throw new SamlException(SamlErrorCode.MessageUnexpectedElement, "An assertion is not a direct child of the Response.");
            }

            if (verified.Count == MaxAssertions)
            {
                throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected, "Too many assertions.");
            }

            // Hub profile: the assertion is signed by the matching service itself, so it can be relayed end-to-end.
            verified.Add(XmlSignatureVerifier.Verify(assertion, expected.MatchingServiceKeys));
        }

        return verified;
    }

    /// <summary>GOV.UK Verify's matching service status codes (VERIFY-REFERENCE.md); anything else is refused.</summary>
    private static MatchingServiceOutcome OutcomeOf(Status status)
    {
        var second = status.StatusCode.SubCode?.Value;
        return (status.StatusCode.Value, second) switch
        {
            (StatusCodes.Success, StatusCodes.Match) => MatchingServiceOutcome.Match,
            (StatusCodes.Success, StatusCodes.Created) => MatchingServiceOutcome.AccountCreated,
            (StatusCodes.Success, StatusCodes.Healthy) => MatchingServiceOutcome.Healthy,
            (StatusCodes.Responder, StatusCodes.NoMatch) => MatchingServiceOutcome.NoMatch,
            (StatusCodes.Responder, StatusCodes.CreateFailure) => MatchingServiceOutcome.AccountCreationFailed,
            (StatusCodes.Requester, _) => MatchingServiceOutcome.RequesterError,
            (StatusCodes.Responder, _) => MatchingServiceOutcome.ResponderError,
            _ => throw new SamlException(SamlErrorCode.ProtocolStatusUnrecognised),
        };
    }

    private void CheckAssertion(Assertion assertion, ExpectedMatchingResponse expected, DateTimeOffset now)
    {
        if (!string.Equals(assertion.Issuer.Value, expected.MatchingServiceEntityId, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolIssuerInconsistent);
        }

        CheckInstant(assertion.IssueInstant, now);
        if (expected.RelyingPartyEntityId is null || expected.AssertionConsumerServiceUrl is null || expected.AuthnRequestId is null)
        {
            throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected, "No assertion was expected in answer to this query.");
        }

        // The answer is about the citizen the hub asked about: the hashed PID the hub computed itself.
        var nameId = assertion.Subject?.NameId ?? throw new SamlException(SamlErrorCode.ProtocolBearerConfirmationMissing, "The assertion has no Subject NameID.");
        if (expected.HashedPid is not null && !string.Equals(nameId.Value, expected.HashedPid, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolSubjectMismatch);
        }

        // SAML Profiles 4.1.4.2: a bearer confirmation for the RP's ACS, answering the RP's request, still in date.
        var bearer = assertion.Subject.SubjectConfirmations
            .Where(c => c.Method == SubjectConfirmationMethods.Bearer && c.Data is { Recipient: not null, NotOnOrAfter: not null })
            .Select(c => c.Data!)
            .ToList();
        if (bearer.Count == 0)
        {
            throw new SamlException(SamlErrorCode.ProtocolBearerConfirmationMissing);
        }

        if (!bearer.Any(d => string.Equals(d.Recipient, expected.AssertionConsumerServiceUrl, StringComparison.Ordinal)))
        {
            throw new SamlException(SamlErrorCode.ProtocolRecipientMismatch);
        }

        if (!bearer.Any(d => string.Equals(d.InResponseTo, expected.AuthnRequestId, StringComparison.Ordinal)))
        {
            throw new SamlException(SamlErrorCode.ProtocolInResponseToMismatch);
        }

        if (!bearer.Any(d => now - _options.ClockSkew < d.NotOnOrAfter))
        {
            throw new SamlException(SamlErrorCode.ProtocolExpired);
        }

        // SAML Core 2.5.1.4: every AudienceRestriction must name the RP the answer is for.
        var conditions = assertion.Conditions;
        if (conditions is null || conditions.AudienceRestrictions.Count == 0
            || !conditions.AudienceRestrictions.All(r => r.Contains(expected.RelyingPartyEntityId, StringComparer.Ordinal)))
        {
            throw new SamlException(SamlErrorCode.ProtocolAudienceMismatch);
        }

        if (conditions.NotBefore is { } notBefore && now + _options.ClockSkew < notBefore)
        {
            throw new SamlException(SamlErrorCode.ProtocolNotYetValid);
        }

        if (conditions.NotOnOrAfter is { } notOnOrAfter && now - _options.ClockSkew >= notOnOrAfter)
        {
            throw new SamlException(SamlErrorCode.ProtocolExpired);
        }
    }

    private void CheckInstant(DateTimeOffset issueInstant, DateTimeOffset now)
    {
        if (issueInstant > now + _options.ClockSkew)
        {
            throw new SamlException(SamlErrorCode.ProtocolNotYetValid);
        }

        if (issueInstant < now - _options.MaxMessageAge - _options.ClockSkew)
        {
            throw new SamlException(SamlErrorCode.ProtocolExpired);
        }
    }

    private async Task RecordAsync(Response message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scope = "saml:" + message.Issuer!.Value;
        var until = now + _options.ReplayRetention;
        string[] ids = [message.Id, .. message.Assertions.Select(a => a.Id)];
        if (!await _replayCache.TryAddAllAsync(scope, ids, until, cancellationToken).ConfigureAwait(false))
        {
            throw new SamlException(SamlErrorCode.ProtocolReplayed);
        }
    }
}
