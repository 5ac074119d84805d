using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.MatchingService.Tests.Support;

/// <summary>
/// An IDP's two assertions in Verify's shape (as the stub IDP writes them, and as the hub holds them after checking
/// them): the authn statement assertion and the matching dataset assertion, same issuer and persistent NameID,
/// addressed to the hub, each signed with the IDP's key. Tests change one thing at a time.
/// </summary>
internal sealed record IdpAssertions
{
    public required DateTimeOffset IssueInstant { get; init; }

    public string Issuer { get; init; } = Parties.IdpEntityId;

    public string Pid { get; init; } = "pid-robert-at-idp-one";

    /// <summary>The matching dataset assertion's NameID, when it should differ from the authn one.</summary>
    public string? MatchingDatasetPid { get; init; }

    public string AuthnContext { get; init; } = AuthnContexts.Level2;

    public string Audience { get; init; } = Parties.HubEntityId;

    public MatchingDataset Dataset { get; init; } = People.Robert;

    /// <summary>The certs-sample key the IDP signs with.</summary>
    public string SignerStem { get; init; } = "stub-idp-signing";

    public NameId NameId => NameId.Persistent(Pid);

    /// <summary>The two assertions, signed, each the root of its own document.</summary>
    public IReadOnlyList<XmlElement> Build()
    {
        var conditions = new Conditions
        {
            NotBefore = IssueInstant,
            NotOnOrAfter = IssueInstant + TimeSpan.FromMinutes(60),
            AudienceRestrictions = [[Audience]],
        };
        var authn = new Assertion
        {
            Id = SamlIds.NewId(),
            IssueInstant = IssueInstant,
            Issuer = Verify.Saml.Saml.Issuer.Entity(Issuer),
            Subject = Subject(Pid),
            Conditions = conditions,
            AuthnStatements = [new AuthnStatement { AuthnInstant = IssueInstant, AuthnContextClassRef = AuthnContext }],
            AttributeStatements = [new AttributeStatement { Attributes = [SamlAttribute.OfString(VerifyAttributeNames.IpAddress, "192.0.2.10")] }],
        };
        var mds = new Assertion
        {
            Id = SamlIds.NewId(),
            IssueInstant = IssueInstant,
            Issuer = Verify.Saml.Saml.Issuer.Entity(Issuer),
            Subject = Subject(MatchingDatasetPid ?? Pid),
            Conditions = conditions,
            AttributeStatements = [new AttributeStatement { Attributes = Dataset.ToAttributes() }],
        };
        return [Sign(authn), Sign(mds)];
    }

    private Subject Subject(string pid) => new()
    {
        NameId = NameId.Persistent(pid),
        SubjectConfirmations =
        [
            new SubjectConfirmation
            {
                Method = SubjectConfirmationMethods.Bearer,
                Data = new SubjectConfirmationData
                {
                    // The IDP's bearer confirmation was for the hub's ACS, 5 minutes: not the matching service's concern.
                    Recipient = "https://hub.test/SAML2/SSO/Response/POST",
                    InResponseTo = "_hub-authn-request",
                    NotOnOrAfter = IssueInstant + TimeSpan.FromMinutes(5),
                },
            },
        ],
    };

    private XmlElement Sign(Assertion assertion)
    {
        var document = SamlXmlWriter.WriteAssertion(assertion);
        using var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(SignerStem));
        XmlSigner.Sign(document.DocumentElement!, signer);
        return document.DocumentElement!;
    }
}
