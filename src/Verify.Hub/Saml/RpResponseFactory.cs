using System.Xml;

using Verify.Hub.Directory;
using Verify.Hub.Identity;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Outcomes;
using Verify.Hub.Journey.States;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.Hub.Saml;

/// <summary>
/// The hub's answer to a hub-asserted RP (ARCHITECTURE.md step 5): the journey's outcome from the one table
/// (<see cref="RpOutcomes"/>) rendered as a SAML Status; on success one assertion, signed by the hub, addressed to
/// that RP, with the pairwise identifier as a persistent NameID and plain-string attributes, encrypted for the RP's
/// registered encryption certificate; the Response signed by the hub.
/// </summary>
internal sealed class RpResponseFactory(HubOptions options, TrustPolicy trust, HubSecrets secrets)
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

        if (journey.State is not NonMatchingJourneySuccessState success)
        {
            throw new InvalidOperationException($"A hub-asserted success needs a verified identity, not {journey.State.Name}.");
        }

        // The RP's sector is its entity ID: one citizen has one identifier per RP, unrelated between RPs.
        var pairwise = secrets.PairwiseIdentifier(rp.EntityId, success.Idp.IdpId, success.Identity.PersistentId);
        var identity = success.Identity.MatchingDataset is { } json ? VerifiedIdentity.FromJson(json) : new VerifiedIdentity();
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
            AttributeStatements = identity.ToAttributes() is { Count: > 0 } attributes ? [new AttributeStatement { Attributes = attributes }] : [],
        };

        var certificate = trust.EncryptionCertificates(rp.Trust)[0];
        using var recipient = EncryptionRecipient.FromCertificate(certificate);
        return SignedResponseComposer.Compose(response, [assertion], _signer, recipient);
    }

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
