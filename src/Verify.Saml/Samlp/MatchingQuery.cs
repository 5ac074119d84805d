using System.Xml;

using Verify.Saml.Saml;

namespace Verify.Saml.Samlp;

/// <summary>
/// What the hub asks a matching service (ADR 0016): who the IDP says the citizen is, for which relying party and
/// which of its requests, and, for cycle 3 or account creation, what more. <see cref="MatchingQueryComposer"/>
/// writes it as a hub-signed <c>samlp:AttributeQuery</c> carrying the IDP's own signed assertions re-encrypted for
/// the matching service.
/// </summary>
public sealed record MatchingQuery
{
    /// <summary>The query's ID: fresh for every query (cycle 0/1, each cycle 3 attempt, account creation).</summary>
    public required string Id { get; init; }

    /// <summary>When the hub issues the query.</summary>
    public required DateTimeOffset IssueInstant { get; init; }

    /// <summary>The hub's entity ID: the query's Issuer.</summary>
    public required string HubEntityId { get; init; }

    /// <summary>The matching service endpoint the query is sent to (its match or account-creation URL).</summary>
    public required string Destination { get; init; }

    /// <summary>The matching service's entity ID: the audience of the hub's cycle 3 assertion.</summary>
    public required string MatchingServiceEntityId { get; init; }

    /// <summary>The relying party the citizen came from: the audience of the matching service's answer.</summary>
    public required string RelyingPartyEntityId { get; init; }

    /// <summary>The relying party's assertion consumer service for this journey: the answer's bearer recipient.</summary>
    public required string AssertionConsumerServiceUrl { get; init; }

    /// <summary>The relying party's AuthnRequest ID: the answer's bearer InResponseTo, stable across a journey's queries.</summary>
    public required string AuthnRequestId { get; init; }

    /// <summary>The IDP's persistent NameID for the citizen, as in its assertions.</summary>
    public required NameId Subject { get; init; }

    /// <summary>
    /// The IDP's assertions exactly as their signatures were verified (the authn statement assertion and the matching
    /// dataset assertion), still in the document they were decrypted into. They are re-encrypted, never re-signed.
    /// </summary>
    public required IReadOnlyList<XmlElement> IdpAssertions { get; init; }

    /// <summary>
    /// For an IDP that speaks OpenID Connect (ADR 0025): its signed ID token, instead of <see cref="IdpAssertions"/>
    /// (which is then empty). Encrypted for the matching service, never re-signed. Null for a SAML IDP.
    /// </summary>
    public MatchingQueryOidcEvidence? OidcEvidence { get; init; }

    /// <summary>The cycle 3 identifier, for a cycle 3 query (or account creation after cycle 3); null otherwise.</summary>
    public Cycle3Value? Cycle3 { get; init; }

    /// <summary>
    /// For an account-creation query: the attributes the RP wants back (<see cref="AccountCreationAttributeNames"/>).
    /// Empty for a match query.
    /// </summary>
    public IReadOnlyList<string> AccountCreationAttributes { get; init; } = [];
}
