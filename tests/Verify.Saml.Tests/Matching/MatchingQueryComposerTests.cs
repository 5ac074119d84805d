using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.Saml.Tests.Matching;

/// <summary>The hub's matching query: what the matching service will find in it, read back with our own reader.</summary>
public sealed class MatchingQueryComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Compose_SignsTheQuery_AndCarriesTheIdpsOwnSignedAssertionsEncryptedForTheMatchingService()
    {
        var idpAssertions = MatchingSamples.IdpAssertions(Now);
        var query = MatchingSamples.Query(Now, idpAssertions) with
        {
            Cycle3 = new Cycle3Value("NationalInsuranceNumber", "AB123456C"),
            AccountCreationAttributes = [AccountCreationAttributeNames.Surname],
        };

        var document = Compose(query);
        var verified = XmlSignatureVerifier.Verify(document.DocumentElement!, KeysOf("hub-signing", MatchingSamples.HubEntityId));
        var read = SamlXmlReader.Default.ReadAttributeQuery(verified.Element);
        var confirmation = read.Subject.SubjectConfirmations.Single();
        using var key = DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("matching-service-encryption"));
        var decrypted = confirmation.Data!.Content.ToList().ConvertAll(e => XmlDecryptor.DecryptAssertion(e, [key]));

        Assert.Multiple(() =>
        {
            Assert.That(read.Issuer!.Value, Is.EqualTo(MatchingSamples.HubEntityId));
            Assert.That(read.Destination, Is.EqualTo(MatchingSamples.MatchUrl));
            Assert.That(read.Subject.NameId!.Value, Is.EqualTo(MatchingSamples.Pid));
            Assert.That(read.Subject.NameId.SPNameQualifier, Is.EqualTo(MatchingSamples.RpEntityId));
            Assert.That(confirmation.Method, Is.EqualTo(SubjectConfirmationMethods.Bearer));
            Assert.That(confirmation.Data.Recipient, Is.EqualTo(MatchingSamples.RpAcsUrl));
            Assert.That(confirmation.Data.InResponseTo, Is.EqualTo(MatchingSamples.AuthnRequestId));
            Assert.That(confirmation.Data.Content.Select(e => e.LocalName), Is.All.EqualTo("EncryptedAssertion"));
            Assert.That(read.Attributes.Select(a => a.Name), Is.EqualTo(new[] { AccountCreationAttributeNames.Surname }));

            // Re-encrypted, never re-signed: the IDP's signatures verify with the IDP's key after the round trip.
            Assert.That(() => XmlSignatureVerifier.Verify(decrypted[0], KeysOf("stub-idp-signing", MatchingSamples.IdpEntityId)), Throws.Nothing);
            Assert.That(() => XmlSignatureVerifier.Verify(decrypted[1], KeysOf("stub-idp-signing", MatchingSamples.IdpEntityId)), Throws.Nothing);

            // The cycle 3 identifier is the hub's own statement, addressed to the matching service.
            var cycle3 = SamlXmlReader.Default.ReadAssertion(XmlSignatureVerifier.Verify(decrypted[2], KeysOf("hub-signing", MatchingSamples.HubEntityId)).Element);
            Assert.That(cycle3.Conditions!.AudienceRestrictions.Single(), Is.EqualTo(new[] { MatchingSamples.MatchingServiceEntityId }));
            Assert.That(((StringValue)cycle3.Attributes.Single().Values.Single()).Value, Is.EqualTo("AB123456C"));
            Assert.That(cycle3.Subject!.NameId!.Value, Is.EqualTo(MatchingSamples.Pid));
        });
    }

    [Test]
    public void Compose_LeavesTheHubsCopyOfTheIdpAssertionsUnchanged()
    {
        var idpAssertions = MatchingSamples.IdpAssertions(Now);
        var before = idpAssertions.Select(a => a.OuterXml).ToList();

        Compose(MatchingSamples.Query(Now, idpAssertions));

        Assert.That(idpAssertions.Select(a => a.OuterXml), Is.EqualTo(before));
    }

    [Test]
    public void ComposeHealthCheck_IsASignedQueryAboutNoOne()
    {
        using var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("hub-signing"));

        var document = MatchingQueryComposer.ComposeHealthCheck("_health", Now, MatchingSamples.HubEntityId, MatchingSamples.MatchUrl, signer);
        var read = SamlXmlReader.Default.ReadAttributeQuery(XmlSignatureVerifier.Verify(document.DocumentElement!, KeysOf("hub-signing", MatchingSamples.HubEntityId)).Element);

        Assert.Multiple(() =>
        {
            Assert.That(read.Subject.SubjectConfirmations, Is.Empty);
            Assert.That(read.Subject.NameId!.Value, Is.EqualTo(MatchingQueryComposer.HealthCheckSubject));
        });
    }

    [Test]
    public void Compose_RefusesAnIncompleteQuery()
    {
        var query = MatchingSamples.Query(Now, MatchingSamples.IdpAssertions(Now));

        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => Compose(query with { IdpAssertions = [] }));
            Assert.Throws<ArgumentException>(() => Compose(query with { AccountCreationAttributes = ["shoe-size"] }));
            Assert.Throws<ArgumentException>(() => Compose(query with { Cycle3 = new Cycle3Value("NINO; DROP", "x") }));
        });
    }

    private static XmlDocument Compose(MatchingQuery query)
    {
        using var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("hub-signing"));
        using var recipient = EncryptionRecipient.FromCertificate(SampleCerts.Certificate("matching-service-encryption"));
        return MatchingQueryComposer.Compose(query, signer, recipient);
    }

    private static TrustedKeySet KeysOf(string stem, string party) =>
        TrustedKeySet.For(party, TrustedSigningKey.FromCertificate(SampleCerts.Certificate(stem)));
}
