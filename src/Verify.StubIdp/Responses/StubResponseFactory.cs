using System.Security.Cryptography;
using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.StubIdp.Identities;
using Verify.StubIdp.Requests;

namespace Verify.StubIdp.Responses;

/// <summary>
/// Writes the IDP's answer to a pending request in Verify's shape (VERIFY-REFERENCE.md "What the IDP sends"): on
/// success two assertions with the same issuer and persistent NameID, the first with the AuthnStatement and
/// <c>TXN_IPaddress</c> (and, for fraud, the fraud indicators), the second with the matching dataset; each signed,
/// then encrypted for the hub, then the Response signed (<see cref="SignedResponseComposer"/>). A failure is a signed
/// Response with its status and no assertion.
/// </summary>
internal sealed class StubResponseFactory(StubIdpOptions options, SigningCredential signer, EncryptionRecipient hub)
{
    /// <summary>SAML Profiles 4.1.4.2: the bearer confirmation's window; Verify's IDPs used five minutes.</summary>
    internal static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The assertion's validity (VERIFY-REFERENCE.md "Timings": assertion lifetime 60 minutes).</summary>
    internal static readonly TimeSpan AssertionLifetime = TimeSpan.FromMinutes(60);

    /// <summary>The signed Response answering <paramref name="pending"/> with <paramref name="outcome"/>.</summary>
    /// <param name="idp">The white-labelled IDP answering.</param>
    /// <param name="pending">The validated request.</param>
    /// <param name="outcome">The button the citizen pressed.</param>
    /// <param name="identity">Who signed in; required when the outcome carries an identity.</param>
    /// <param name="clientAddress">The citizen's IP address as seen here (<c>TXN_IPaddress</c>).</param>
    public XmlDocument Create(WhiteLabelIdp idp, PendingRequest pending, StubOutcome outcome, TestIdentity? identity, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(idp);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(outcome);
        var now = options.TimeProvider.GetUtcNow();

        // SAML Profiles 4.1.4.2: Issuer is the IDP's entity ID (format entity, as Verify's IDPs wrote it); the
        // Response goes to the hub's registered ACS and answers the hub's request.
        var response = new Response
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Destination = pending.AssertionConsumerServiceUrl,
            Issuer = IssuerOf(idp),
            InResponseTo = pending.RequestId,
            Status = outcome.Status,
        };

        if (!outcome.NeedsIdentity)
        {
            return SignedResponseComposer.Compose(response, [], signer, recipient: null);
        }

        ArgumentNullException.ThrowIfNull(identity);
        var subject = SubjectOf(idp, identity, pending, now);
        var conditions = new Conditions
        {
            NotBefore = now,
            NotOnOrAfter = now + AssertionLifetime,
            AudienceRestrictions = [[pending.Issuer]],
        };
        var authn = new Assertion
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Issuer = IssuerOf(idp),
            Subject = subject,
            Conditions = conditions,
            AuthnStatements =
            [
                new AuthnStatement { AuthnInstant = now, SessionIndex = SamlIds.NewId(), AuthnContextClassRef = outcome.AuthnContext! },
            ],
            AttributeStatements = [new AttributeStatement { Attributes = AuthnAttributes(outcome, clientAddress) }],
        };
        var matchingDataset = new Assertion
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Issuer = IssuerOf(idp),
            Subject = subject,
            Conditions = conditions,
            AttributeStatements = [new AttributeStatement { Attributes = identity.Dataset.ToAttributes() }],
        };
        return SignedResponseComposer.Compose(response, [authn, matchingDataset], signer, hub);
    }

    private static Issuer IssuerOf(WhiteLabelIdp idp) => new() { Value = idp.EntityId, Format = NameIdFormats.Entity };

    // Verify: both assertions carry the same persistent NameID, the citizen's PID at this IDP. SAML Profiles
    // 4.1.4.2: a bearer confirmation with Recipient (the ACS), InResponseTo and NotOnOrAfter.
    private static Subject SubjectOf(WhiteLabelIdp idp, TestIdentity identity, PendingRequest pending, DateTimeOffset now) => new()
    {
        NameId = NameId.Persistent(PersistentIds.For(idp.EntityId, identity.Key)),
        SubjectConfirmations =
        [
            new SubjectConfirmation
            {
                Method = SubjectConfirmationMethods.Bearer,
                Data = new SubjectConfirmationData
                {
                    Recipient = pending.AssertionConsumerServiceUrl,
                    InResponseTo = pending.RequestId,
                    NotOnOrAfter = now + ConfirmationLifetime,
                },
            },
        ],
    };

    private static List<SamlAttribute> AuthnAttributes(StubOutcome outcome, string clientAddress)
    {
        var attributes = new List<SamlAttribute> { Attribute(VerifyAttributeNames.IpAddress, new IpAddressValue(clientAddress)) };
        if (outcome.Gpg45Status is { } indicator)
        {
            // VERIFY-REFERENCE.md: fraud is levelX with FECI_IDPFraudEventID and FECI_GPG45Status.
            attributes.Add(Attribute(VerifyAttributeNames.FraudEventId, new FraudEventIdValue(NewFraudEventId())));
            attributes.Add(Attribute(VerifyAttributeNames.Gpg45Status, new Gpg45StatusValue(indicator)));
        }

        return attributes;
    }

    private static SamlAttribute Attribute(string name, AttributeValue value) => new()
    {
        Name = name,
        NameFormat = AttributeNameFormats.Unspecified,
        FriendlyName = VerifyAttributeNames.FriendlyNameOf(name),
        Values = [value],
    };

    private static string NewFraudEventId() => "stub-fraud-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
