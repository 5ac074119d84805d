using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.Saml.Validation;

/// <summary>The per-assertion rules of <see cref="ResponseValidator"/>, each citing its source.</summary>
internal sealed class AssertionChecks(ExpectedResponse expected, SamlValidationOptions options, DateTimeOffset now)
{
    public IdpResponse Failure(Response response, IdpOutcome outcome)
    {
        // A failure status carries no identity; assertions alongside it would be ambiguous.
        if (response.Assertions.Count > 0)
        {
            throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected, "A failure status must not carry assertions.");
        }

        return new IdpResponse { ResponseId = response.Id, Issuer = expected.Issuer, Outcome = outcome };
    }

    public IdpResponse Success(Response response)
    {
        foreach (var assertion in response.Assertions)
        {
            Check(assertion);
        }

        var authn = response.Assertions.Where(a => a.AuthnStatements.Count > 0).ToList();
        var others = response.Assertions.Where(a => a.AuthnStatements.Count == 0).ToList();
        var expectedOthers = expected.Shape == ResponseShape.VerifyIdp ? 1 : 0;

        // Verify's IDP profile: exactly one authn-statement assertion (with one AuthnStatement) and
        // exactly one matching-dataset assertion; SAML Profiles 4.1.4.2 requires at least the former.
        if (authn.Count != 1 || authn[0].AuthnStatements.Count != 1 || others.Count != expectedOthers)
        {
            throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected);
        }

        var authnAssertion = authn[0];
        var statement = authnAssertion.AuthnStatements[0];
        if (!ResponseValidator.IsKnownAuthnContext(statement.AuthnContextClassRef))
        {
            throw new SamlException(SamlErrorCode.ProtocolAuthnContextMissing);
        }

        var nameId = authnAssertion.Subject!.NameId!;
        var mdsAssertion = others.Count == 1 ? others[0] : null;
        if (mdsAssertion is not null && !SameSubject(nameId, mdsAssertion.Subject!.NameId!))
        {
            throw new SamlException(SamlErrorCode.ProtocolSubjectMismatch);
        }

        var fraud = statement.AuthnContextClassRef == AuthnContexts.LevelX;
        var dataset = mdsAssertion is null ? null : ReadDataset(mdsAssertion, required: !fraud);
        var attributes = authnAssertion.Attributes.ToList();
        return new IdpResponse
        {
            ResponseId = response.Id,
            Issuer = expected.Issuer,
            Outcome = fraud ? IdpOutcome.Fraud : IdpOutcome.Success,
            NameId = nameId,
            AuthnContextClassRef = statement.AuthnContextClassRef,
            AuthnInstant = statement.AuthnInstant,
            AuthnAssertion = authnAssertion,
            MatchingDatasetAssertion = mdsAssertion,
            MatchingDataset = dataset,
            FraudEventId = fraud ? Value<FraudEventIdValue>(attributes, VerifyAttributeNames.FraudEventId)?.Value : null,
            Gpg45Status = fraud ? Value<Gpg45StatusValue>(attributes, VerifyAttributeNames.Gpg45Status)?.Value : null,
        };
    }

    public void CheckIssueInstant(DateTimeOffset issueInstant, bool maxAge)
    {
        // SAML Core 1.3.3 times are UTC; a message from the future beyond the skew is refused, and one
        // older than the acceptance window (Verify: 5 minutes) has expired.
        if (issueInstant > now + options.ClockSkew)
        {
            throw new SamlException(SamlErrorCode.ProtocolNotYetValid);
        }

        if (maxAge && issueInstant < now - options.MaxMessageAge - options.ClockSkew)
        {
            throw new SamlException(SamlErrorCode.ProtocolExpired);
        }
    }

    private void Check(Assertion assertion)
    {
        // SAML Profiles 4.1.4.2: the assertion's Issuer is the identity provider. Every assertion of a
        // Response comes from the issuer of the Response.
        if (!string.Equals(assertion.Issuer.Value, expected.Issuer, StringComparison.Ordinal))
        {
            throw new SamlException(SamlErrorCode.ProtocolIssuerInconsistent);
        }

        CheckIssueInstant(assertion.IssueInstant, maxAge: true);
        if (assertion.Subject?.NameId is null)
        {
            throw new SamlException(SamlErrorCode.ProtocolBearerConfirmationMissing, "The assertion has no Subject NameID.");
        }

        BearerConfirmation.Check(assertion.Subject, expected, options, now);
        CheckConditions(assertion.Conditions);
    }

    private void CheckConditions(Conditions? conditions)
    {
        // SAML Profiles 4.1.4.2: an AudienceRestriction naming us MUST be present. SAML Core 2.5.1.4:
        // every AudienceRestriction must be satisfied.
        if (conditions is null || conditions.AudienceRestrictions.Count == 0
            || !conditions.AudienceRestrictions.All(r => r.Contains(expected.Audience, StringComparer.Ordinal)))
        {
            throw new SamlException(SamlErrorCode.ProtocolAudienceMismatch);
        }

        // SAML Core 2.5.1.2: NotBefore ≤ now < NotOnOrAfter, with our skew.
        if (conditions.NotBefore is { } notBefore && now + options.ClockSkew < notBefore)
        {
            throw new SamlException(SamlErrorCode.ProtocolNotYetValid);
        }

        if (conditions.NotOnOrAfter is { } notOnOrAfter && now - options.ClockSkew >= notOnOrAfter)
        {
            throw new SamlException(SamlErrorCode.ProtocolExpired);
        }
    }

    private static MatchingDataset ReadDataset(Assertion assertion, bool required)
    {
        var dataset = MatchingDataset.FromAssertion(assertion);
        if (required && (dataset.FirstNames.Count == 0 || dataset.Surnames.Count == 0 || dataset.DatesOfBirth.Count == 0))
        {
            throw new SamlException(SamlErrorCode.ProtocolMatchingDatasetInvalid);
        }

        return dataset;
    }

    private static bool SameSubject(NameId a, NameId b) =>
        string.Equals(a.Value, b.Value, StringComparison.Ordinal) && string.Equals(a.Format, b.Format, StringComparison.Ordinal);

    private static T? Value<T>(List<SamlAttribute> attributes, string name)
        where T : AttributeValue =>
        attributes.FirstOrDefault(a => a.Name == name)?.Values.OfType<T>().FirstOrDefault();
}
