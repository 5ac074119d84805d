using System.Text.RegularExpressions;
using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Model;

/// <summary>The writer's wire conventions.</summary>
public partial class SamlXmlWriterTests
{
    [Test]
    public void WriteResponse_NestedAssertionDeclaresItsOwnNamespaces()
    {
        var document = SamlXmlWriter.WriteResponse(ModelSamples.Response());

        var assertion = (XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!;

        Assert.Multiple(() =>
        {
            Assert.That(assertion.GetAttribute("xmlns:saml"), Is.EqualTo(XmlNames.Saml));
            Assert.That(assertion.GetAttribute("xmlns:ida"), Is.EqualTo(XmlNames.IdaAttributes));
            Assert.That(assertion.GetAttribute("xmlns:xsi"), Is.EqualTo(XmlNames.Xsi));
            Assert.That(assertion.GetAttribute("xmlns:xs"), Is.EqualTo(XmlNames.Xs));
            Assert.That(document.OuterXml, Does.Contain("<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""));
        });
    }

    [Test]
    public void WriteResponse_NestedAssertionCanBeReadOnItsOwn()
    {
        var response = ModelSamples.Response();
        var document = SamlXmlWriter.WriteResponse(response);

        // As a peer sees it after decryption: the assertion's markup alone, without the response around it.
        var alone = ((XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[1]!).OuterXml;

        ModelAssert.AreEquivalent(response.Assertions[1], SamlXmlReader.Default.ReadAssertion(SecureXml.Load(alone).DocumentElement!));
    }

    [Test]
    public void Write_FormatsTimesAsUtcWithMilliseconds()
    {
        var request = ModelSamples.AuthnRequest() with { IssueInstant = new DateTimeOffset(2025, 3, 14, 11, 30, 0, 5, TimeSpan.FromHours(1)) };

        var root = SamlXmlWriter.WriteAuthnRequest(request).DocumentElement!;

        Assert.That(root.GetAttribute("IssueInstant"), Is.EqualTo("2025-03-14T10:30:00.005Z"));
    }

    [Test]
    public void Write_PutsTheIssuerFirstSoTheSignatureCanFollowIt()
    {
        var documents = new[]
        {
            SamlXmlWriter.WriteAuthnRequest(ModelSamples.AuthnRequest()),
            SamlXmlWriter.WriteResponse(ModelSamples.ErrorResponse()),
            SamlXmlWriter.WriteAttributeQuery(ModelSamples.AttributeQuery()),
            SamlXmlWriter.WriteLogoutRequest(ModelSamples.LogoutRequest()),
            SamlXmlWriter.WriteLogoutResponse(ModelSamples.LogoutResponse()),
            SamlXmlWriter.WriteAssertion(ModelSamples.AuthnAssertion()),
        };

        Assert.That(documents.Select(document => document.DocumentElement!.FirstChild!.LocalName), Is.All.EqualTo("Issuer"));
    }

    [Test]
    public void Write_ProducesADocumentThatPreservesWhitespace()
    {
        Assert.That(SamlXmlWriter.WriteAssertion(ModelSamples.AuthnAssertion()).PreserveWhitespace, Is.True);
    }

    [Test]
    public void Write_UsesTheStandardPrefixes()
    {
        var markup = SamlXmlWriter.WriteResponse(ModelSamples.Response()).OuterXml;

        Assert.That(markup, Does.StartWith("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""));
    }

    [Test]
    public void Write_RefusesAnIdThatIsNotAnNcName()
    {
        var request = ModelSamples.AuthnRequest() with { Id = "123" };

        Assert.Throws<ArgumentException>(() => SamlXmlWriter.WriteAuthnRequest(request));
    }

    [Test]
    public void Write_RefusesAStatusWhoseTopLevelCodeIsNotTopLevel()
    {
        var response = ModelSamples.LogoutResponse() with { Status = Status.Of(StatusCodes.NoMatch) };

        Assert.Throws<ArgumentException>(() => SamlXmlWriter.WriteLogoutResponse(response));
    }

    [Test]
    public void SamlIds_AreUnderscoreAnd40HexCharactersAndFresh()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => SamlIds.NewId()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.All.Matches(IdPattern()));
            Assert.That(ids, Is.Unique);
        });
    }

    [Test]
    public void ModelAssert_NoticesADifferenceDeepInsideAList()
    {
        var expected = ModelSamples.Response();
        var changed = expected with
        {
            Assertions = [expected.Assertions[0], expected.Assertions[1] with { Conditions = new Conditions { AudienceRestrictions = [["https://elsewhere.test"]] } }],
        };

        Assert.Throws<AssertionException>(() => ModelAssert.AreEquivalent(expected, changed));
    }

    [GeneratedRegex("^_[0-9a-f]{40}$")]
    private static partial Regex IdPattern();
}
