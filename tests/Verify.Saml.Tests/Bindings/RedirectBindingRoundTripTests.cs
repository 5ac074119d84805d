using System.Security.Cryptography;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Bindings;

/// <summary>SAML Bindings 3.4: what we encode, we decode and verify; the message arrives unchanged.</summary>
public sealed class RedirectBindingRoundTripTests
{
    private static readonly object?[][] RelayStates = [[null], ["state-1234"], ["a b+c/d?e=f&g~h!*()'é"]];

    [TestCaseSource(nameof(RelayStates))]
    public void Request_SignedWithRsa_RoundTrips(string? relayState)
    {
        using var credential = BindingSamples.RpCredential();
        var url = RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, relayState, credential);

        var message = RedirectBinding.Decode(BindingSamples.QueryOf(url));
        var verified = message.VerifySignature(BindingSamples.RpKeys());

        Assert.Multiple(() =>
        {
            Assert.That(url, Does.StartWith(BindingSamples.HubSso + "?SAMLRequest="));
            Assert.That(message.Kind, Is.EqualTo(SamlMessageKind.Request));
            Assert.That(message.RelayState, Is.EqualTo(relayState));
            Assert.That(message.SigAlg, Is.EqualTo(XmlNames.RsaSha256));
            Assert.That(verified.Element, Is.SameAs(message.Document.DocumentElement));
            Assert.That(verified.PartyId, Is.EqualTo(BindingSamples.RpEntityId));
            Assert.That(verified.Element.GetAttribute("ID"), Is.EqualTo("_request-0001"));
        });
    }

    [TestCaseSource(nameof(RelayStates))]
    public void Response_SignedWithEcdsa_RoundTrips(string? relayState)
    {
        using var credential = BindingSamples.IdpEcdsaCredential();
        var url = RedirectBinding.Encode(BindingSamples.Response(), BindingSamples.HubSso, relayState, credential);

        var message = RedirectBinding.Decode(BindingSamples.QueryOf(url));
        var verified = message.VerifySignature(BindingSamples.IdpKeys());

        Assert.Multiple(() =>
        {
            Assert.That(url, Does.StartWith(BindingSamples.HubSso + "?SAMLResponse="));
            Assert.That(message.Kind, Is.EqualTo(SamlMessageKind.Response));
            Assert.That(message.RelayState, Is.EqualTo(relayState));
            Assert.That(verified.SignatureMethod, Is.EqualTo(XmlNames.EcdsaSha256));
            Assert.That(message.Document.OuterXml, Is.EqualTo(BindingSamples.Response().OuterXml));
        });
    }

    [TestCase("SHA384", XmlNames.RsaSha384)]
    [TestCase("SHA512", XmlNames.RsaSha512)]
    public void Request_SignedWithLongerRsaHashes_RoundTrips(string hash, string sigAlg)
    {
        using var credential = BindingSamples.RpCredential(new HashAlgorithmName(hash));
        var url = RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, "rs", credential);

        var verified = RedirectBinding.Decode(BindingSamples.QueryOf(url)).VerifySignature(BindingSamples.RpKeys());

        Assert.That(verified.SignatureMethod, Is.EqualTo(sigAlg));
    }

    [Test]
    public void LogoutResponse_GoesAsSamlResponse()
    {
        var url = RedirectBinding.Encode(BindingSamples.LogoutResponse(), BindingSamples.HubSso, null, null);

        var message = RedirectBinding.Decode(BindingSamples.QueryOf(url), new RedirectDecodeOptions { RequireSignature = false });

        Assert.Multiple(() =>
        {
            Assert.That(url, Does.Contain("?SAMLResponse="));
            Assert.That(message.Kind, Is.EqualTo(SamlMessageKind.Response));
            Assert.That(message.IsSigned, Is.False);
        });
    }

    [Test]
    public void Encode_RemovesTheEnvelopedSignature_AndLeavesTheCallersDocumentAlone()
    {
        var request = BindingSamples.AuthnRequest();
        using var credential = BindingSamples.RpCredential();
        XmlSigner.Sign(request.DocumentElement!, credential);

        var url = RedirectBinding.Encode(request, BindingSamples.HubSso, null, credential);
        var received = RedirectBinding.Decode(BindingSamples.QueryOf(url)).Document;

        Assert.Multiple(() =>
        {
            Assert.That(received.GetElementsByTagName("Signature", XmlNames.DSig), Is.Empty, "3.4.4.1: the XML signature is removed");
            Assert.That(request.GetElementsByTagName("Signature", XmlNames.DSig), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Encode_UsesUppercaseEscapesAndPlusForSpaces()
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, "a b/c", credential));

        Assert.Multiple(() =>
        {
            Assert.That(BindingSamples.RawValue(query, "RelayState"), Is.EqualTo("a+b%2Fc"));
            Assert.That(BindingSamples.RawValue(query, "SigAlg"), Is.EqualTo("http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256"));
            Assert.That(query, Does.Not.Match("%(?:[a-f][0-9A-Fa-f]|[0-9A-F][a-f])"));
        });
    }

    [Test]
    public void Encode_AppendsToADestinationThatHasAQuery()
    {
        var url = RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso + "?tenant=a", null, null);

        Assert.That(url, Does.StartWith(BindingSamples.HubSso + "?tenant=a&SAMLRequest="));
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("http://hub.test/SAML2/SSO")]
    [TestCase("https://hub.test/SAML2/SSO#fragment")]
    public void Encode_RefusesDestination(string destination)
    {
        var ex = Assert.Throws<SamlException>(() => RedirectBinding.Encode(BindingSamples.AuthnRequest(), destination, null, null));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingDestinationNotAllowed));
    }

    [Test]
    public void Encode_RefusesRelayStateOver80Bytes()
    {
        var ex = Assert.Throws<SamlException>(() => RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, new string('é', 41), null));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingRelayStateTooLong));
    }
}
