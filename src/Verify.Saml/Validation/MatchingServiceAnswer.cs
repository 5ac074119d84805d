using Verify.Saml.Saml;

namespace Verify.Saml.Validation;

/// <summary>
/// A matching service's answer after every check of <see cref="MatchingResponseValidator"/>; only ever seen
/// wrapped in <see cref="Valid{T}"/>.
/// </summary>
public sealed record MatchingServiceAnswer
{
    /// <summary>The Response ID.</summary>
    public required string ResponseId { get; init; }

    /// <summary>The matching service (equal to the expected one).</summary>
    public required string Issuer { get; init; }

    /// <summary>What the matching service answered.</summary>
    public required MatchingServiceOutcome Outcome { get; init; }

    /// <summary>
    /// The matching service's signed assertion (match and account created); its <c>Source</c> is the verified,
    /// decrypted element, which end-to-end mode re-encrypts for the RP without re-signing.
    /// </summary>
    public Assertion? Assertion { get; init; }

    /// <summary>The hashed PID the assertion names.</summary>
    public string? HashedPid { get; init; }

    /// <summary>The level of assurance the assertion states, as an AuthnContextClassRef, when it states one.</summary>
    public string? AuthnContextClassRef { get; init; }

    /// <summary>The account-creation attributes (account created only).</summary>
    public IReadOnlyList<SamlAttribute> Attributes { get; init; } = [];

    /// <summary>The status message, for operators: a catalogue error ID when the matching service refused the query.</summary>
    public string? StatusMessage { get; init; }
}
