using Verify.Saml.Trust;
using Verify.Saml.Xml.Encryption;

namespace Verify.Saml.Validation;

/// <summary>
/// What a matching service's answer must say, from the hub's own record of the query it sent — never from the
/// answer: which matching service, which query, and, for an assertion, whom it is for and about.
/// </summary>
public sealed record ExpectedMatchingResponse
{
    /// <summary>The matching service's entity ID: the Response's and the assertion's Issuer.</summary>
    public required string MatchingServiceEntityId { get; init; }

    /// <summary>The matching service's registered signing keys.</summary>
    public required TrustedKeySet MatchingServiceKeys { get; init; }

    /// <summary>The ID of the AttributeQuery the hub sent: the Response's InResponseTo.</summary>
    public required string InResponseTo { get; init; }

    /// <summary>The hub's private keys the assertion is encrypted for (each current key, for rollover).</summary>
    public IReadOnlyList<DecryptionKey> DecryptionKeys { get; init; } = [];

    /// <summary>The relying party: an audience of the assertion. Required when an assertion may come (not for a health check).</summary>
    public string? RelyingPartyEntityId { get; init; }

    /// <summary>The RP's ACS for the journey: the assertion's bearer Recipient.</summary>
    public string? AssertionConsumerServiceUrl { get; init; }

    /// <summary>The RP's AuthnRequest ID: the assertion's bearer InResponseTo.</summary>
    public string? AuthnRequestId { get; init; }

    /// <summary>
    /// The hashed PID the hub computed for the citizen (<see cref="Saml.HashedPid"/>): the assertion's NameID must
    /// be it, so the answer is about the citizen the hub asked about. Null skips the check (health checks).
    /// </summary>
    public string? HashedPid { get; init; }
}
