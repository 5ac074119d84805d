using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.Saml.Tests.Matching;

/// <summary>
/// An OIDC IDP's evidence in the matching query (ADR 0025 and its addendum): the ID token as signed, and the claims the
/// hub vouches for with their values, written and read back strictly.
/// </summary>
public sealed class MatchingQueryOidcEvidenceTests
{
    private const string IdToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    private const string Issuer = "https://idp.example/oidc";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void ToElementThenRead_KeepsEachVouchedClaimsNameAndValue()
    {
        var evidence = Evidence(V("given_name", "Jane"), V("birthdate", "1980-05-04"));

        var element = evidence.ToElement();
        var read = MatchingQueryOidcEvidence.Read(element);

        Assert.Multiple(() =>
        {
            Assert.That(element.OuterXml, Does.Contain("<verify:VouchedByHub Name=\"given_name\">Jane</verify:VouchedByHub>"));
            Assert.That(read.IdToken, Is.EqualTo(IdToken));
            Assert.That(read.Issuer, Is.EqualTo(Issuer));
            Assert.That(read.VouchedByHub, Is.EqualTo(evidence.VouchedByHub));
        });
    }

    [Test]
    public void ComposedQuery_CarriesTheVouchedClaimsInsideTheEvidenceEncryptedForTheMatchingService()
    {
        var query = MatchingSamples.Query(Now, []) with { OidcEvidence = Evidence(V("family_name", "O'Brien & Sons <Ltd>")) };
        using var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("hub-signing"));
        using var recipient = EncryptionRecipient.FromCertificate(SampleCerts.Certificate("matching-service-encryption"));

        var document = MatchingQueryComposer.Compose(query, signer, recipient);
        var wire = document.OuterXml;
        var keys = TrustedKeySet.For(MatchingSamples.HubEntityId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("hub-signing")));
        var read = SamlXmlReader.Default.ReadAttributeQuery(XmlSignatureVerifier.Verify(document.DocumentElement!, keys).Element);
        var encrypted = read.Subject.SubjectConfirmations.Single().Data!.Content.Single();
        using var key = DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("matching-service-encryption"));
        var evidence = MatchingQueryOidcEvidence.Read(
            XmlDecryptor.DecryptElement(encrypted, [key], MatchingQueryOidcEvidence.Namespace, MatchingQueryOidcEvidence.ElementName));

        Assert.Multiple(() =>
        {
            Assert.That(wire, Does.Not.Contain("Brien").And.Contain(MatchingQueryOidcEvidence.EncryptedElementName), "the values travel encrypted");
            Assert.That(evidence.VouchedByHub, Is.EqualTo(new[] { new MatchingQueryVouchedClaim("family_name", "O'Brien & Sons <Ltd>") }));
        });
    }

    [Test]
    public void IsWellFormed_RefusesUnknownNamesDuplicatesLongOrBlankValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Evidence(V("given_name", "Jane")).IsWellFormed, Is.True);
            Assert.That(Evidence(V("address", "1 High St")).IsWellFormed, Is.False, "only the claims the dataset reads");
            Assert.That(Evidence(V("verify_mds", "{}")).IsWellFormed, Is.False, "verify_mds never comes from userinfo");
            Assert.That(Evidence(V("given_name", "Jane"), V("given_name", "John")).IsWellFormed, Is.False, "one value per claim");
            Assert.That(Evidence(V("given_name", new string('a', 513))).IsWellFormed, Is.False);
            Assert.That(Evidence(V("given_name", new string('a', 512))).IsWellFormed, Is.True);
            Assert.That(Evidence(V("given_name", " ")).IsWellFormed, Is.False);
            Assert.That(Evidence(V("given_name", "Ja\u0000ne")).IsWellFormed, Is.False);
            Assert.Throws<ArgumentException>(() => Evidence(V("gender", "")).ToElement());
        });
    }

    [TestCase("<verify:VouchedByHub>given_name</verify:VouchedByHub>", TestName = "Read_RefusesANameOnlyVouchedClaim_TheFormerWireForm")]
    [TestCase("<verify:VouchedByHub Name=\"given_name\" Source=\"idp\">Jane</verify:VouchedByHub>", TestName = "Read_RefusesAnExtraAttribute")]
    [TestCase("<verify:VouchedByHub Name=\"given_name\"><verify:IdToken>x</verify:IdToken></verify:VouchedByHub>", TestName = "Read_RefusesMarkupInAValue")]
    [TestCase("<verify:VouchedByHub Name=\"nickname\">JJ</verify:VouchedByHub>", TestName = "Read_RefusesAnUnknownClaimName")]
    [TestCase("<verify:VouchedByHub Name=\"given_name\">Jane</verify:VouchedByHub><verify:VouchedByHub Name=\"given_name\">Jo</verify:VouchedByHub>",
        TestName = "Read_RefusesADuplicateClaim")]
    public void Read_RefusesABrokenVouchedClaim(string vouched)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml($"<verify:OidcEvidence xmlns:verify=\"{MatchingQueryOidcEvidence.Namespace}\" Issuer=\"{Issuer}\">"
            + $"<verify:IdToken>{IdToken}</verify:IdToken>{vouched}</verify:OidcEvidence>");

        Assert.That(() => MatchingQueryOidcEvidence.Read(document.DocumentElement!), Throws.TypeOf<SamlException>());
    }

    [Test]
    public void Read_RefusesMoreThanTheLimitOfVouchedClaims()
    {
        var vouched = string.Concat(Enumerable.Repeat("<verify:VouchedByHub Name=\"gender\">female</verify:VouchedByHub>", MatchingQueryOidcEvidence.MaxVouchedClaims + 1));
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml($"<verify:OidcEvidence xmlns:verify=\"{MatchingQueryOidcEvidence.Namespace}\" Issuer=\"{Issuer}\">"
            + $"<verify:IdToken>{IdToken}</verify:IdToken>{vouched}</verify:OidcEvidence>");

        Assert.That(() => MatchingQueryOidcEvidence.Read(document.DocumentElement!), Throws.TypeOf<SamlException>());
    }

    private static MatchingQueryOidcEvidence Evidence(params MatchingQueryVouchedClaim[] vouched) =>
        new() { Issuer = Issuer, IdToken = IdToken, VouchedByHub = vouched };

    private static MatchingQueryVouchedClaim V(string name, string value) => new(name, value);
}
