using Verify.Saml.Validation;

namespace Verify.TestRp.Outcomes;

/// <summary>A valid hub Response whose status is not success (SAML Core 3.2.2.2), as sent.</summary>
/// <param name="Outcome">What the status stands for (VERIFY-REFERENCE.md "IDP status → outcome").</param>
/// <param name="StatusCode">The top-level status code URI.</param>
/// <param name="SubStatusCode">The second-level status code URI, if any.</param>
/// <param name="StatusMessage">The StatusMessage, if any.</param>
/// <param name="DetailValues">The StatusDetail values, if any.</param>
internal sealed record FailureStatus(
    IdpOutcome Outcome, string StatusCode, string? SubStatusCode, string? StatusMessage, IReadOnlyList<string> DetailValues);
