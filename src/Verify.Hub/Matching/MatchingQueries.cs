using System.Xml;

using Verify.Audit.Events;
using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.Hub.Matching;

/// <summary>
/// The hub's query for the request a journey is waiting on (ADR 0016, 0018), written by <see cref="MatchingQueryComposer"/>:
/// the IDP's assertions exactly as the IDP signed them (or an OIDC IDP's signed ID token, ADR 0025), re-encrypted for the
/// matching service; for cycle 3 (and account
/// creation after it) the hub's own assertion of the identifier; for account creation the attributes the RP wants; the
/// query signed by the hub and addressed to the endpoint it is sent to.
/// </summary>
internal sealed class MatchingQueries(HubOptions options, TrustPolicy trust, SealedAssertions sealedAssertions)
{
    private readonly SigningCredential _signer = SigningCredential.FromCertificate(options.SigningCertificate);

    /// <summary>Which of the three requests a pending state is waiting on.</summary>
    public static MatchCycle CycleOf(IMatchingRequestPending pending) => pending switch
    {
        Cycle0And1MatchRequestSentState => MatchCycle.Cycle0And1,
        Cycle3MatchRequestSentState => MatchCycle.Cycle3,
        UserAccountCreationRequestSentState => MatchCycle.UserAccountCreation,
        _ => throw new ArgumentOutOfRangeException(nameof(pending), pending.GetType().Name, "Not a matching request."),
    };

    /// <summary>The signed query and where it goes.</summary>
    /// <exception cref="SamlException">The journey's evidence cannot be opened, or the RP has no account-creation endpoint.</exception>
    public (XmlDocument Query, Uri Endpoint) Compose(JourneyRecord journey, IMatchingRequestPending pending, HubRpMatching matching)
    {
        var evidence = pending.Identity.Evidence
            ?? throw new SamlException(SamlErrorCode.MessageMissingElement, "The journey kept no IDP assertions for the matching service.");
        // ADR 0025: a SAML IDP's assertions, or an OIDC IDP's ID token; either is relayed as the IDP signed it.
        var (assertions, oidc) = sealedAssertions.Open(evidence);
        var attribute = journey.Rp.Matching?.Cycle3AttributeName;
        var (endpoint, cycle3, attributes) = pending switch
        {
            Cycle3MatchRequestSentState c3 => (matching.MatchUrl, Cycle3(attribute, c3.Cycle3Value), (IReadOnlyList<string>)[]),
            UserAccountCreationRequestSentState create => (
                matching.AccountCreationUrl ?? throw new SamlException(SamlErrorCode.MessageMissingElement, "The matching service has no account-creation endpoint."),
                create.Cycle3Value is { } value ? Cycle3(attribute, value) : null,
                journey.Rp.Matching?.AccountCreationAttributes ?? []),
            _ => (matching.MatchUrl, null, []),
        };

        var query = new MatchingQuery
        {
            Id = pending.PendingRequestId,
            IssueInstant = options.TimeProvider.GetUtcNow(),
            HubEntityId = options.EntityId,
            Destination = endpoint.AbsoluteUri,
            MatchingServiceEntityId = matching.EntityId,
            RelyingPartyEntityId = journey.Rp.RpId,
            AssertionConsumerServiceUrl = journey.Rp.ProtocolData[RpAnswerer.AcsKey],
            AuthnRequestId = RpAnswerer.MatchingRequestId(journey),
            Subject = NameId.Persistent(pending.Identity.PersistentId),
            IdpAssertions = assertions,
            OidcEvidence = oidc,
            Cycle3 = cycle3,
            AccountCreationAttributes = attributes,
        };
        return (MatchingQueryComposer.Compose(query, _signer, trust.EncryptionKey(matching.Trust)), endpoint);
    }

    private static Cycle3Value Cycle3(string? attribute, string value) =>
        new(attribute ?? throw new SamlException(SamlErrorCode.MessageMissingElement, "The RP has no cycle 3 attribute."), value);
}
