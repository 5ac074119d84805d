using Verify.Saml.Saml;
using Verify.Saml.Samlp;

namespace Verify.MatchingService.Validation;

/// <summary>What <see cref="IdpAssertionRules"/> found.</summary>
internal sealed record CheckedAssertions(string IdpEntityId, string Pid, AuthnStatement AuthnStatement, MatchingDataset MatchingDataset, Cycle3Value? Cycle3);
