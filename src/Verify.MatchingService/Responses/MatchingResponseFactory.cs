using System.Xml;

using Verify.MatchingService.Errors;
using Verify.MatchingService.Validation;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.MatchingService.Responses;

/// <summary>
/// Writes the matching service's answers in GOV.UK Verify's shape (VERIFY-REFERENCE.md): a signed Response answering
/// the query (InResponseTo = its ID) with Success / <c>match</c>, Responder / <c>no-match</c>, Success /
/// <c>created</c>, Responder / <c>create-failure</c>, Success / <c>healthy</c>, or Requester / Responder with the
/// catalogue ID as the StatusMessage. A match or a created account carries one assertion, signed by the matching
/// service and then encrypted for the hub (<see cref="SignedResponseComposer"/>): the hashed PID, addressed to the
/// relying party (and the hub, which relays it), confirmed for the RP's ACS and request, with the IDP's level.
/// </summary>
internal sealed class MatchingResponseFactory(MatchingServiceOptions options, SigningCredential signer, EncryptionRecipient hub)
{
    public XmlDocument Healthy(string queryId) => Compose(queryId, Status.Of(StatusCodes.Success, StatusCodes.Healthy), null);

    public XmlDocument Match(ValidatedMatchingQuery query) =>
        Compose(query.QueryId, Status.Of(StatusCodes.Success, StatusCodes.Match), Assertion(query, []));

    // Verify learned that off-the-shelf SPs reject Success + no-match: no-match is Responder + no-match.
    public XmlDocument NoMatch(ValidatedMatchingQuery query) =>
        Compose(query.QueryId, Status.Of(StatusCodes.Responder, StatusCodes.NoMatch), null);

    public XmlDocument AccountCreated(ValidatedMatchingQuery query) =>
        Compose(query.QueryId, Status.Of(StatusCodes.Success, StatusCodes.Created), Assertion(query, AccountCreationAttributes.For(query)));

    public XmlDocument AccountCreationFailed(ValidatedMatchingQuery query) =>
        Compose(query.QueryId, Status.Of(StatusCodes.Responder, StatusCodes.CreateFailure), null);

    /// <summary>A refusal: Requester or Responder, the catalogue ID as the message (never message content).</summary>
    /// <param name="inResponseTo">The query's ID when it could be read; null when the body was not a query at all.</param>
    /// <param name="refusal">Why.</param>
    public XmlDocument Refused(string? inResponseTo, Refusal refusal) => Compose(
        inResponseTo,
        Status.Of(refusal.BlamesRequester ? StatusCodes.Requester : StatusCodes.Responder) with { StatusMessage = refusal.ErrorId },
        null);

    private XmlDocument Compose(string? inResponseTo, Status status, Assertion? assertion)
    {
        var response = new Response
        {
            Id = SamlIds.NewId(),
            IssueInstant = options.TimeProvider.GetUtcNow(),
            Issuer = Issuer.Entity(options.EntityId),
            InResponseTo = inResponseTo,
            Status = status,
        };
        return SignedResponseComposer.Compose(response, assertion is null ? [] : [assertion], signer, assertion is null ? null : hub);
    }

    private Assertion Assertion(ValidatedMatchingQuery query, IReadOnlyList<SamlAttribute> attributes)
    {
        var now = options.TimeProvider.GetUtcNow();
        var until = now + options.AssertionLifetime;
        return new Assertion
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Issuer = Issuer.Entity(options.EntityId),
            Subject = new Subject
            {
                // The hashed PID, qualified by who made it and whom it is for.
                NameId = NameId.Persistent(query.HashedPid!) with { NameQualifier = options.EntityId, SPNameQualifier = query.RelyingPartyEntityId },
                SubjectConfirmations =
                [
                    new SubjectConfirmation
                    {
                        Method = SubjectConfirmationMethods.Bearer,
                        Data = new SubjectConfirmationData
                        {
                            Recipient = query.AssertionConsumerServiceUrl,
                            InResponseTo = query.AuthnRequestId,
                            NotOnOrAfter = until,
                        },
                    },
                ],
            },

            // SAML Core 2.5.1.4: audiences in one restriction are alternatives. The RP is whom the assertion speaks
            // to (end-to-end mode relays it unchanged); the hub reads it first.
            Conditions = new Conditions { NotBefore = now, NotOnOrAfter = until, AudienceRestrictions = [[query.RelyingPartyEntityId!, options.HubEntityId]] },
            AuthnStatements =
            [
                new AuthnStatement
                {
                    AuthnInstant = query.AuthnInstant ?? now,
                    AuthnContextClassRef = AssuranceLevels.AuthnContextOf(query.LevelOfAssurance!),
                },
            ],
            AttributeStatements = attributes.Count > 0 ? [new AttributeStatement { Attributes = attributes }] : [],
        };
    }
}
