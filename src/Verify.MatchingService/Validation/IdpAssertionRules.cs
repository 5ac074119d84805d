using Verify.MatchingService.Errors;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.MatchingService.Validation;

/// <summary>
/// The rules for the assertions a query carries, once each signature is verified (VERIFY-REFERENCE.md "What the IDP
/// sends"): exactly one authn statement assertion and one matching dataset assertion from one registered IDP,
/// addressed to the hub, issued within the last 60 minutes, about the query's subject; at most one hub assertion
/// with the cycle 3 identifier, addressed to this matching service, made for this query.
/// </summary>
internal sealed class IdpAssertionRules(MatchingServiceOptions options, DateTimeOffset now)
{
    private TimeSpan Skew => options.Validation.ClockSkew;

    public CheckedAssertions Check(NameId querySubject, IReadOnlyList<Assertion> assertions)
    {
        var hub = assertions.Where(a => a.Issuer.Value == options.HubEntityId).ToList();
        var idp = assertions.Where(a => a.Issuer.Value != options.HubEntityId).ToList();
        var authn = idp.Where(a => a.AuthnStatements.Count > 0).ToList();
        var mds = idp.Where(a => a.AuthnStatements.Count == 0).ToList();

        // Verify's IDP profile: one assertion with exactly one AuthnStatement, one with the matching dataset.
        if (authn.Count != 1 || authn[0].AuthnStatements.Count != 1 || mds.Count != 1 || hub.Count > 1)
        {
            throw new SamlException(SamlErrorCode.ProtocolAssertionShapeUnexpected);
        }

        // Both come from the same IDP (Verify's MSA: MISMATCHED_ISSUERS).
        if (authn[0].Issuer.Value != mds[0].Issuer.Value)
        {
            throw new SamlException(SamlErrorCode.ProtocolIssuerInconsistent);
        }

        foreach (var assertion in idp)
        {
            CheckIdpAssertion(assertion);
        }

        // One citizen: the same persistent NameID in the query and in every assertion (Verify's MSA: MISMATCHED_PIDS).
        var pid = authn[0].Subject!.NameId!;
        if (!SameSubject(pid, querySubject) || assertions.Any(a => a.Subject?.NameId is not { } n || !SameSubject(pid, n)))
        {
            throw new SamlException(SamlErrorCode.ProtocolSubjectMismatch);
        }

        var dataset = MatchingDataset.FromAssertion(mds[0]);
        if (dataset.FirstNames.Count == 0 || dataset.Surnames.Count == 0 || dataset.DatesOfBirth.Count == 0)
        {
            throw new SamlException(SamlErrorCode.ProtocolMatchingDatasetInvalid);
        }

        return new CheckedAssertions(authn[0].Issuer.Value, pid.Value, authn[0].AuthnStatements[0], dataset, hub.Count == 1 ? Cycle3Of(hub[0]) : null);
    }

    private void CheckIdpAssertion(Assertion assertion)
    {
        // Issued within the last 60 minutes: the same assertions come back for cycle 3 and account creation, so the
        // IDP's 5-minute bearer window (meant for the hub) is not applied here.
        CheckIssueInstant(assertion.IssueInstant, options.IdpAssertionMaxAge);
        if (assertion.Subject?.NameId is not { Format: NameIdFormats.Persistent })
        {
            throw new SamlException(SamlErrorCode.MessageInvalidValue, "The IDP's assertions must name a persistent NameID.");
        }

        // The IDP addressed its assertions to the hub (Verify's MSA validated the IDP's assertions with the hub's
        // entity ID as the audience); SAML Core 2.5.1.4: every AudienceRestriction must be satisfied.
        CheckConditions(assertion.Conditions, options.HubEntityId);
    }

    /// <summary>The hub's assertion of the cycle 3 identifier: addressed to us, made for this query, one plain value.</summary>
    public Cycle3Value Cycle3Of(Assertion assertion)
    {
        CheckIssueInstant(assertion.IssueInstant, options.Validation.MaxMessageAge);
        CheckConditions(assertion.Conditions, options.EntityId);
        var attributes = assertion.Attributes.ToList();
        if (assertion.AuthnStatements.Count > 0 || attributes.Count != 1 || attributes[0].Values.Count != 1
            || attributes[0].Values[0] is not StringValue value)
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.Cycle3DataInvalid);
        }

        var cycle3 = new Cycle3Value(attributes[0].Name, value.Value);
        return cycle3.IsWellFormed ? cycle3 : throw new MatchingServiceException(MatchingServiceErrorCode.Cycle3DataInvalid);
    }

    private void CheckIssueInstant(DateTimeOffset issueInstant, TimeSpan maxAge)
    {
        if (issueInstant > now + Skew)
        {
            throw new SamlException(SamlErrorCode.ProtocolNotYetValid);
        }

        if (issueInstant < now - maxAge - Skew)
        {
            throw new SamlException(SamlErrorCode.ProtocolExpired);
        }
    }

    private void CheckConditions(Conditions? conditions, string audience)
    {
        if (conditions is null || conditions.AudienceRestrictions.Count == 0
            || !conditions.AudienceRestrictions.All(r => r.Contains(audience, StringComparer.Ordinal)))
        {
            throw new SamlException(SamlErrorCode.ProtocolAudienceMismatch);
        }

        // SAML Core 2.5.1.2: NotBefore ≤ now < NotOnOrAfter, with our skew.
        if (conditions.NotBefore is { } notBefore && now + Skew < notBefore)
        {
            throw new SamlException(SamlErrorCode.ProtocolNotYetValid);
        }

        if (conditions.NotOnOrAfter is { } notOnOrAfter && now - Skew >= notOnOrAfter)
        {
            throw new SamlException(SamlErrorCode.ProtocolExpired);
        }
    }

    private static bool SameSubject(NameId a, NameId b) =>
        string.Equals(a.Value, b.Value, StringComparison.Ordinal) && string.Equals(a.Format, b.Format, StringComparison.Ordinal);
}
