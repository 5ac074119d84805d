using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

namespace Verify.Saml.Samlp;

/// <summary>
/// Writes the hub's matching request (ADR 0016) as GOV.UK Verify's hub did: a <c>samlp:AttributeQuery</c> whose
/// subject is the IDP's persistent NameID (SPNameQualifier = the relying party), with one bearer
/// SubjectConfirmation naming the relying party's ACS and AuthnRequest ID and carrying, in its
/// SubjectConfirmationData, the IDP's signed assertions encrypted for the matching service (and, for cycle 3, a
/// hub-signed assertion with the identifier); the attributes asked for on account creation; signed by the hub.
/// </summary>
/// <remarks>
/// The IDP's assertions are encrypted as they were verified, never re-signed: the matching service checks the
/// IDP's own signature, so the hub cannot forge who the IDP said the citizen is.
/// </remarks>
public static class MatchingQueryComposer
{
    /// <summary>How long the hub's cycle 3 assertion is valid: it is made for one query.</summary>
    public static readonly TimeSpan Cycle3AssertionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The NameID a health-check query names: it is about no one.</summary>
    public const string HealthCheckSubject = "health-check";

    /// <summary>The signed AttributeQuery for <paramref name="query"/>.</summary>
    /// <param name="query">What to ask.</param>
    /// <param name="hubSigner">The hub's signing key (the query, and the cycle 3 assertion).</param>
    /// <param name="matchingService">The matching service's encryption key.</param>
    /// <param name="algorithm">The data encryption algorithm.</param>
    /// <exception cref="ArgumentException">The query is incomplete: no IDP assertion, an element that is not an assertion, a malformed cycle 3 value or attribute name.</exception>
    public static XmlDocument Compose(
        MatchingQuery query,
        SigningCredential hubSigner,
        EncryptionRecipient matchingService,
        DataEncryptionAlgorithm algorithm = DataEncryptionAlgorithm.Aes256Gcm)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(hubSigner);
        ArgumentNullException.ThrowIfNull(matchingService);
        Check(query);

        var encrypted = new List<XmlElement>(query.IdpAssertions.Count + 2);
        if (query.OidcEvidence is { } oidc)
        {
            encrypted.Add(EncryptOidcEvidence(oidc, matchingService, algorithm));
        }

        foreach (var assertion in query.IdpAssertions)
        {
            encrypted.Add(Encrypt(assertion, matchingService, algorithm));
        }

        if (query.Cycle3 is { } cycle3)
        {
            var document = SamlXmlWriter.WriteAssertion(Cycle3Assertion(query, cycle3));
            XmlSigner.Sign(document.DocumentElement!, hubSigner);
            encrypted.Add(Encrypt(document.DocumentElement!, matchingService, algorithm));
        }

        var attributeQuery = new AttributeQuery
        {
            Id = query.Id,
            IssueInstant = query.IssueInstant,
            Destination = query.Destination,
            Issuer = Issuer.Entity(query.HubEntityId),
            Subject = new Subject
            {
                NameId = query.Subject with { SPNameQualifier = query.RelyingPartyEntityId, SPProvidedId = null },
                SubjectConfirmations =
                [
                    new SubjectConfirmation
                    {
                        Method = SubjectConfirmationMethods.Bearer,
                        Data = new SubjectConfirmationData
                        {
                            Recipient = query.AssertionConsumerServiceUrl,
                            InResponseTo = query.AuthnRequestId,
                            Content = encrypted,
                        },
                    },
                ],
            },
            Attributes = [.. query.AccountCreationAttributes.Select(name => new SamlAttribute { Name = name, NameFormat = AttributeNameFormats.Unspecified })],
        };
        var message = SamlXmlWriter.WriteAttributeQuery(attributeQuery);
        XmlSigner.Sign(message.DocumentElement!, hubSigner);
        return message;
    }

    /// <summary>
    /// A health check: a signed AttributeQuery that carries no assertion. The matching service answers
    /// Success / <c>healthy</c> without matching anyone.
    /// </summary>
    public static XmlDocument ComposeHealthCheck(string id, DateTimeOffset issueInstant, string hubEntityId, string destination, SigningCredential hubSigner)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(hubEntityId);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        ArgumentNullException.ThrowIfNull(hubSigner);
        var message = SamlXmlWriter.WriteAttributeQuery(new AttributeQuery
        {
            Id = id,
            IssueInstant = issueInstant,
            Destination = destination,
            Issuer = Issuer.Entity(hubEntityId),
            Subject = new Subject { NameId = new NameId { Value = HealthCheckSubject } },
        });
        XmlSigner.Sign(message.DocumentElement!, hubSigner);
        return message;
    }

    private static void Check(MatchingQuery query)
    {
        // ADR 0025: the evidence is either a SAML IDP's assertions or an OIDC IDP's ID token, never both or neither.
        if (query.IdpAssertions is null || (query.IdpAssertions.Count == 0) == (query.OidcEvidence is null))
        {
            throw new ArgumentException("A matching query carries the IDP's assertions or its ID token.", nameof(query));
        }

        if (query.OidcEvidence is { IsWellFormed: false })
        {
            throw new ArgumentException("The OIDC evidence breaks a limit (issuer, ID token or claim names).", nameof(query));
        }

        if (query.IdpAssertions.Any(a => a is not { LocalName: "Assertion", NamespaceURI: XmlNames.Saml }))
        {
            throw new ArgumentException("Every IDP assertion must be a saml:Assertion element.", nameof(query));
        }

        if (query.Cycle3 is { IsWellFormed: false })
        {
            throw new ArgumentException("The cycle 3 value needs an alphanumeric name and a value within the limits.", nameof(query));
        }

        if (query.AccountCreationAttributes.Any(name => !AccountCreationAttributeNames.All.Contains(name)))
        {
            throw new ArgumentException("An account-creation attribute is not one Verify defined.", nameof(query));
        }
    }

    /// <summary>
    /// The hub's own statement of the cycle 3 identifier (Verify's "cycle 3 dataset assertion"): about the same
    /// subject, addressed to the matching service only, valid for this query.
    /// </summary>
    private static Assertion Cycle3Assertion(MatchingQuery query, Cycle3Value cycle3) => new()
    {
        Id = SamlIds.NewId(),
        IssueInstant = query.IssueInstant,
        Issuer = Issuer.Entity(query.HubEntityId),
        Subject = new Subject { NameId = query.Subject with { SPNameQualifier = null, SPProvidedId = null } },
        Conditions = new Conditions
        {
            NotBefore = query.IssueInstant,
            NotOnOrAfter = query.IssueInstant + Cycle3AssertionLifetime,
            AudienceRestrictions = [[query.MatchingServiceEntityId]],
        },
        AttributeStatements =
        [
            new AttributeStatement
            {
                Attributes = [new SamlAttribute { Name = cycle3.Name, NameFormat = AttributeNameFormats.Unspecified, Values = [new StringValue(cycle3.Value)] }],
            },
        ],
    };

    /// <summary>
    /// A <c>verify:EncryptedOidcEvidence</c> (ADR 0025) holding the IDP's ID token, its issuer and the hub-vouched
    /// claim names, encrypted as the assertions are, declaring its own namespace.
    /// </summary>
    private static XmlElement EncryptOidcEvidence(MatchingQueryOidcEvidence evidence, EncryptionRecipient recipient, DataEncryptionAlgorithm algorithm)
    {
        var encryptedData = XmlEncryptor.EncryptElement(evidence.ToElement(), recipient, algorithm);
        var wrapper = encryptedData.OwnerDocument.CreateElement("verify", MatchingQueryOidcEvidence.EncryptedElementName, MatchingQueryOidcEvidence.Namespace);
        wrapper.SetAttribute("xmlns:verify", MatchingQueryOidcEvidence.Namespace);
        wrapper.AppendChild(encryptedData);
        return wrapper;
    }

    /// <summary>
    /// A <c>saml:EncryptedAssertion</c> holding <paramref name="assertion"/> as it stands (its document is not
    /// changed), declaring its own namespace so it can be moved into the query.
    /// </summary>
    private static XmlElement Encrypt(XmlElement assertion, EncryptionRecipient recipient, DataEncryptionAlgorithm algorithm)
    {
        var encryptedData = XmlEncryptor.EncryptElement(assertion, recipient, algorithm);
        var wrapper = encryptedData.OwnerDocument.CreateElement("saml", "EncryptedAssertion", XmlNames.Saml);
        wrapper.SetAttribute("xmlns:saml", XmlNames.Saml);
        wrapper.AppendChild(encryptedData);
        return wrapper;
    }
}
