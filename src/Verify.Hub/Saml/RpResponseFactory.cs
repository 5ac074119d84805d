using System.Xml;

using Verify.Hub.Directory;
using Verify.Hub.Identity;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Outcomes;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Matching;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.Hub.Saml;

/// <summary>
/// The hub's answer to an RP (ARCHITECTURE.md step 5): the journey's outcome from the one table
/// (<see cref="RpOutcomes"/>) rendered as a SAML Status; on success, hub-asserted, one assertion, signed by the hub,
/// addressed to that RP, with the pairwise identifier as a persistent NameID and plain-string attributes (for a
/// matching RP also the match outcome and its matching service's hashed PID), encrypted for the RP's registered
/// encryption certificate; or, end-to-end, the assertion the RP's matching service signed, relayed and re-encrypted
/// for the RP, never re-signed (ADR 0018). The Response is signed by the hub.
/// </summary>
internal sealed class RpResponseFactory(HubOptions options, TrustPolicy trust, HubSecrets secrets, SealedAssertions sealedAssertions)
{
    /// <summary>How long the RP may take to consume the assertion (SAML Profiles 4.1.4.2: a short bearer window).</summary>
    private static readonly TimeSpan AssertionLifetime = TimeSpan.FromMinutes(5);

    private readonly SigningCredential _signer = SigningCredential.FromCertificate(options.SigningCertificate);

    public XmlDocument Create(JourneyRecord journey, RpOutcome outcome, HubRelyingParty rp, string acsUrl)
    {
        var now = options.TimeProvider.GetUtcNow();
        var response = new Response
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Destination = acsUrl,
            Issuer = Issuer.Entity(options.EntityId),
            InResponseTo = journey.Rp.RequestId,
            Status = StatusOf(outcome),
        };

        if (!outcome.IsSuccess)
        {
            return SignedResponseComposer.Compose(response, [], _signer, null);
        }

        var recipient = trust.EncryptionKey(rp.Trust);
        if (rp.Matching is { EndToEnd: true } && journey.State is SuccessfulMatchState or UserAccountCreatedState)
        {
            // End-to-end trust: the matching service's own signed statement; a compromised hub cannot forge who matched.
            var evidence = journey.State switch
            {
                SuccessfulMatchState match => match.Evidence,
                UserAccountCreatedState created => created.Evidence,
                _ => null,
            } ?? throw new InvalidOperationException("An end-to-end success needs the matching service's assertion.");
            return SignedResponseComposer.ComposeRelayed(response, sealedAssertions.Unseal(evidence), _signer, recipient);
        }

        if (journey.State is not (NonMatchingJourneySuccessState or SuccessfulMatchState or UserAccountCreatedState)
            || VerifiedCitizen.Of(journey.State) is not { } success)
        {
            throw new InvalidOperationException($"A hub-asserted success needs a verified identity, not {journey.State.Name}.");
        }

        // The RP's sector is its entity ID: one citizen has one identifier per RP, unrelated between RPs.
        var pairwise = secrets.PairwiseIdentifier(rp.EntityId, success.Idp.IdpId, success.Identity.PersistentId);
        var identity = success.Identity.MatchingDataset is { } json ? VerifiedIdentity.FromJson(json) : new VerifiedIdentity();
        var attributes = identity.ToAttributes().Concat(MatchAttributes(journey, success)).ToList();
        var assertion = new Assertion
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Issuer = Issuer.Entity(options.EntityId),
            Subject = new Subject
            {
                NameId = NameId.Persistent(pairwise) with { NameQualifier = options.EntityId, SPNameQualifier = rp.EntityId },
                SubjectConfirmations =
                [
                    new SubjectConfirmation
                    {
                        Method = SubjectConfirmationMethods.Bearer,
                        Data = new SubjectConfirmationData
                        {
                            NotOnOrAfter = now + AssertionLifetime,
                            Recipient = acsUrl,
                            InResponseTo = journey.Rp.RequestId,
                        },
                    },
                ],
            },
            Conditions = new Conditions
            {
                NotBefore = now,
                NotOnOrAfter = now + AssertionLifetime,
                AudienceRestrictions = [[rp.EntityId]],
            },
            AuthnStatements =
            [
                new AuthnStatement { AuthnInstant = journey.UpdatedAt, AuthnContextClassRef = success.Identity.Level.AuthnContext },
            ],
            AttributeStatements = attributes.Count > 0 ? [new AttributeStatement { Attributes = attributes }] : [],
        };

        return SignedResponseComposer.Compose(response, [assertion], _signer, recipient);
    }

    /// <summary>A hub-asserted matching success says what the matching service answered and the hashed PID it linked.</summary>
    private static IEnumerable<SamlAttribute> MatchAttributes(JourneyRecord journey, VerifiedCitizen success) =>
        RpMatchOutcome.Of(journey, success) is { } match
            ? [Attribute(RpMatchOutcome.OutcomeName, match.Outcome), Attribute(RpMatchOutcome.HashedPidName, match.HashedPid)]
            : [];

    private static SamlAttribute Attribute(string name, string value) => new()
    {
        Name = name,
        NameFormat = AttributeNameFormats.Uri,
        FriendlyName = HubAttributeNames.FriendlyNames[name],
        Values = [new StringValue(value)],
    };

    /// <summary>ARCHITECTURE.md "What the RP receives for each end state", as SAML Core 3.2.2.2 status codes.</summary>
    internal static Status StatusOf(RpOutcome outcome)
    {
        var top = outcome.Status switch
        {
            RpStatus.Success => StatusCodes.Success,
            RpStatus.Requester => StatusCodes.Requester,
            RpStatus.Responder => StatusCodes.Responder,
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "Unknown status."),
        };
        var second = outcome.SubStatus switch
        {
            RpSubStatus.None => null,
            RpSubStatus.AuthnFailed => StatusCodes.AuthnFailed,
            RpSubStatus.NoAuthnContext => StatusCodes.NoAuthnContext,
            RpSubStatus.NoMatch => StatusCodes.NoMatch,
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.SubStatus, "Unknown sub-status."),
        };
        return Status.Of(top, second) with { StatusMessage = outcome.IsSuccess ? null : outcome.Detail };
    }
}
