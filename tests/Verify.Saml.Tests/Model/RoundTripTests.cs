using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Model;

/// <summary>Write → serialize → SecureXml.Load → read gives back the same model, for every message kind.</summary>
public class RoundTripTests
{
    private static readonly SamlXmlReader Reader = SamlXmlReader.Default;

    [Test]
    public void AuthnRequest_RoundTrips()
    {
        var request = ModelSamples.AuthnRequest();

        var read = RoundTrip(SamlXmlWriter.WriteAuthnRequest(request), Reader.ReadAuthnRequest);

        ModelAssert.AreEquivalent(request, read);
    }

    [Test]
    public void AuthnRequest_WithServiceIndexAndDefaults_RoundTrips()
    {
        var request = new AuthnRequest
        {
            Id = "_minimal",
            IssueInstant = ModelSamples.Instant,
            AssertionConsumerServiceIndex = 65535,
        };

        var read = RoundTrip(SamlXmlWriter.WriteAuthnRequest(request), Reader.ReadAuthnRequest);

        ModelAssert.AreEquivalent(request, read);
    }

    [Test]
    public void Response_WithAssertionsAndEncryptedAssertion_RoundTrips()
    {
        var response = ModelSamples.Response();

        var read = RoundTrip(SamlXmlWriter.WriteResponse(response), Reader.ReadResponse);

        ModelAssert.AreEquivalent(response, read);
    }

    [Test]
    public void Response_WithNestedStatusDetailAndExtensions_RoundTrips()
    {
        var response = ModelSamples.ErrorResponse();

        var read = RoundTrip(SamlXmlWriter.WriteResponse(response), Reader.ReadResponse);

        ModelAssert.AreEquivalent(response, read);
    }

    [Test]
    public void Assertion_RoundTripsStandalone()
    {
        var assertion = ModelSamples.AuthnAssertion();

        var read = RoundTrip(SamlXmlWriter.WriteAssertion(assertion), Reader.ReadAssertion);

        ModelAssert.AreEquivalent(assertion, read);
    }

    [Test]
    public void AttributeQuery_WithEncryptedAssertionsInConfirmationData_RoundTrips()
    {
        var query = ModelSamples.AttributeQuery();

        var read = RoundTrip(SamlXmlWriter.WriteAttributeQuery(query), Reader.ReadAttributeQuery);

        ModelAssert.AreEquivalent(query, read);
    }

    [Test]
    public void LogoutRequest_RoundTrips()
    {
        var request = ModelSamples.LogoutRequest();

        var read = RoundTrip(SamlXmlWriter.WriteLogoutRequest(request), Reader.ReadLogoutRequest);

        ModelAssert.AreEquivalent(request, read);
    }

    [Test]
    public void LogoutResponse_RoundTrips()
    {
        var response = ModelSamples.LogoutResponse();

        var read = RoundTrip(SamlXmlWriter.WriteLogoutResponse(response), Reader.ReadLogoutResponse);

        ModelAssert.AreEquivalent(response, read);
    }

    [Test]
    public void ReadMessage_DispatchesOnTheRootElement()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Reader.ReadMessage(Reload(SamlXmlWriter.WriteAuthnRequest(ModelSamples.AuthnRequest()))), Is.TypeOf<AuthnRequest>());
            Assert.That(Reader.ReadMessage(Reload(SamlXmlWriter.WriteResponse(ModelSamples.Response()))), Is.TypeOf<Response>());
            Assert.That(Reader.ReadMessage(Reload(SamlXmlWriter.WriteAttributeQuery(ModelSamples.AttributeQuery()))), Is.TypeOf<AttributeQuery>());
            Assert.That(Reader.ReadMessage(Reload(SamlXmlWriter.WriteLogoutRequest(ModelSamples.LogoutRequest()))), Is.TypeOf<LogoutRequest>());
            Assert.That(Reader.ReadMessage(Reload(SamlXmlWriter.WriteLogoutResponse(ModelSamples.LogoutResponse()))), Is.TypeOf<LogoutResponse>());
        });
    }

    [Test]
    public void Writing_WhatWasRead_GivesTheSameMarkup()
    {
        var written = SamlXmlWriter.WriteResponse(ModelSamples.Response());

        var rewritten = SamlXmlWriter.WriteResponse(Reader.ReadResponse(Reload(written).DocumentElement!));

        Assert.That(rewritten.OuterXml, Is.EqualTo(written.OuterXml));
    }

    [Test]
    public void Read_KeepsTheSourceElementOfTheMessageAndOfEachAssertion()
    {
        var document = Reload(SamlXmlWriter.WriteResponse(ModelSamples.Response()));

        var response = Reader.ReadResponse(document.DocumentElement!);

        Assert.Multiple(() =>
        {
            Assert.That(response.Source, Is.SameAs(document.DocumentElement));
            Assert.That(response.Assertions[0].Source, Is.SameAs(document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]));
            Assert.That(response.Assertions[1].Source, Is.SameAs(document.GetElementsByTagName("Assertion", XmlNames.Saml)[1]));
            Assert.That(response.HasSignature, Is.False);
        });
    }

    private static T RoundTrip<T>(XmlDocument written, Func<XmlElement, T> read) => read(Reload(written).DocumentElement!);

    private static XmlDocument Reload(XmlDocument written) => SecureXml.Load(written.OuterXml);
}
