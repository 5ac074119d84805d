using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Matching;

/// <summary>The parties of a matching exchange, and an IDP's two signed assertions as the hub holds them.</summary>
internal static class MatchingSamples
{
    public const string HubEntityId = "https://hub.test";
    public const string IdpEntityId = "https://idp.test/stub-idp-one";
    public const string MatchingServiceEntityId = "https://ms.test/matching-service";
    public const string MatchUrl = "https://ms.test/SAML2/SOAP/AttributeQuery";
    public const string RpEntityId = "https://rp.test/SAML2/metadata";
    public const string RpAcsUrl = "https://rp.test/SAML2/ACS";
    public const string AuthnRequestId = "_rp-request-1";
    public const string Pid = "pid-at-idp-one";

    public static IReadOnlyList<XmlElement> IdpAssertions(DateTimeOffset now)
    {
        var subject = new Subject { NameId = NameId.Persistent(Pid) };
        var conditions = new Conditions { NotBefore = now, NotOnOrAfter = now.AddMinutes(60), AudienceRestrictions = [[HubEntityId]] };
        var dataset = new MatchingDataset
        {
            FirstNames = [new PersonNameValue { Value = "Zoë", Verified = true }],
            Surnames = [new PersonNameValue { Value = "Fernández-Hughes", Verified = true }],
            DatesOfBirth = [new DateValue { Value = new DateOnly(1982, 2, 5), Verified = true }],
        };
        Assertion[] assertions =
        [
            new()
            {
                Id = SamlIds.NewId(), IssueInstant = now, Issuer = Issuer.Entity(IdpEntityId), Subject = subject, Conditions = conditions,
                AuthnStatements = [new AuthnStatement { AuthnInstant = now, AuthnContextClassRef = AuthnContexts.Level2 }],
            },
            new()
            {
                Id = SamlIds.NewId(), IssueInstant = now, Issuer = Issuer.Entity(IdpEntityId), Subject = subject, Conditions = conditions,
                AttributeStatements = [new AttributeStatement { Attributes = dataset.ToAttributes() }],
            },
        ];

        // As the hub holds them: decrypted into one Response document, each still carrying the IDP's signature.
        var holder = new XmlDocument { PreserveWhitespace = true };
        var response = holder.AppendChild(holder.CreateElement("samlp", "Response", XmlNames.Samlp))!;
        using var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing"));
        var elements = new List<XmlElement>();
        foreach (var assertion in assertions)
        {
            var document = SamlXmlWriter.WriteAssertion(assertion);
            XmlSigner.Sign(document.DocumentElement!, signer);
            elements.Add((XmlElement)response.AppendChild(holder.ImportNode(document.DocumentElement!, deep: true))!);
        }

        return elements;
    }

    public static MatchingQuery Query(DateTimeOffset now, IReadOnlyList<XmlElement> idpAssertions) => new()
    {
        Id = SamlIds.NewId(),
        IssueInstant = now,
        HubEntityId = HubEntityId,
        Destination = MatchUrl,
        MatchingServiceEntityId = MatchingServiceEntityId,
        RelyingPartyEntityId = RpEntityId,
        AssertionConsumerServiceUrl = RpAcsUrl,
        AuthnRequestId = AuthnRequestId,
        Subject = NameId.Persistent(Pid),
        IdpAssertions = idpAssertions,
    };
}
