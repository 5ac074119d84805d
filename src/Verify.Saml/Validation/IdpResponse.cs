using Verify.Saml.Saml;

namespace Verify.Saml.Validation;

/// <summary>
/// A Response from an identity provider after every check of <see cref="ResponseValidator"/>: only
/// ever seen wrapped in <see cref="Valid{T}"/>.
/// </summary>
public sealed record IdpResponse
{
    /// <summary>The Response ID.</summary>
    public required string ResponseId { get; init; }

    /// <summary>The issuer (equal to the expected party).</summary>
    public required string Issuer { get; init; }

    /// <summary>What happened.</summary>
    public required IdpOutcome Outcome { get; init; }

    /// <summary>The persistent NameID the IDP knows the citizen by (success and fraud only).</summary>
    public NameId? NameId { get; init; }

    /// <summary>The AuthnContextClassRef (level of assurance URI), success and fraud only.</summary>
    public string? AuthnContextClassRef { get; init; }

    /// <summary>When the citizen authenticated at the IDP.</summary>
    public DateTimeOffset? AuthnInstant { get; init; }

    /// <summary>The assertion carrying the AuthnStatement; its <c>Source</c> is the verified element.</summary>
    public Assertion? AuthnAssertion { get; init; }

    /// <summary>The matching-dataset assertion (Verify shape); its <c>Source</c> is the verified element.</summary>
    public Assertion? MatchingDatasetAssertion { get; init; }

    /// <summary>The matching dataset read from the matching-dataset assertion.</summary>
    public MatchingDataset? MatchingDataset { get; init; }

    /// <summary>The IDP's fraud event ID (fraud only).</summary>
    public string? FraudEventId { get; init; }

    /// <summary>The GPG45 fraud status (fraud only).</summary>
    public Gpg45Status? Gpg45Status { get; init; }
}
