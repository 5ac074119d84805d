using System.Text;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Bindings;

/// <summary>SAML Bindings 3.2 (SOAP 1.1): one SAML element in the Body, nothing the receiver must understand.</summary>
public sealed class SoapEnvelopeTests
{
    private const string Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Query = """<samlp:AttributeQuery xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_q1" Version="2.0" IssueInstant="2025-03-14T10:30:00Z"/>""";

    [Test]
    public void WrapThenUnwrap_ReturnsTheSignedElement_WhoseSignatureStillVerifies()
    {
        var query = SecureXml.Load(Query);
        using (var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("hub-signing")))
        {
            XmlSigner.Sign(query.DocumentElement!, credential);
        }

        var element = SoapEnvelope.Unwrap(SoapEnvelope.Wrap(query));
        var hubKeys = TrustedKeySet.For("hub", TrustedSigningKey.FromCertificate(SampleCerts.Certificate("hub-signing")));

        Assert.Multiple(() =>
        {
            Assert.That(element.LocalName, Is.EqualTo("AttributeQuery"));
            Assert.That(element.ParentNode!.LocalName, Is.EqualTo("Body"));
            Assert.That(XmlSignatureVerifier.Verify(element, hubKeys).Element, Is.SameAs(element));
        });
    }

    [Test]
    public void Unwrap_AcceptsAHeaderWithoutMustUnderstand_AndWhitespace()
    {
        var element = SoapEnvelope.Unwrap(Bytes(Envelope("\n  <soap11:Body>\n    " + Query + "\n  </soap11:Body>\n", header: """<h:Trace xmlns:h="urn:x" soap11:mustUnderstand="0"/>""")));

        Assert.That(element.GetAttribute("ID"), Is.EqualTo("_q1"));
    }

    private static readonly object[] Refusals =
    [
        Case("HeaderMustUnderstand", Envelope(Body(Query), header: """<h:Security xmlns:h="urn:x" soap11:mustUnderstand="1"/>"""), SamlErrorCode.BindingSoapMustUnderstand),
        Case("Fault", Envelope(Body("<soap11:Fault><faultcode>soap11:Server</faultcode><faultstring>secret detail</faultstring></soap11:Fault>")), SamlErrorCode.BindingSoapFault),
        Case("TwoBodyChildren", Envelope(Body(Query + Query.Replace("_q1", "_q2", StringComparison.Ordinal))), SamlErrorCode.BindingSoapMalformed),
        Case("EmptyBody", Envelope(Body("")), SamlErrorCode.BindingSoapMalformed),
        Case("TextInBody", Envelope(Body("text" + Query)), SamlErrorCode.BindingSoapMalformed),
        Case("NoBody", Envelope(""), SamlErrorCode.BindingSoapMalformed),
        Case("TwoBodies", Envelope(Body(Query) + Body(Query)), SamlErrorCode.BindingSoapMalformed),
        Case("HeaderAfterBody", Envelope(Body(Query) + "<soap11:Header/>"), SamlErrorCode.BindingSoapMalformed),
        Case("Soap12Envelope", Envelope(Body(Query)).Replace(Soap, "http://www.w3.org/2003/05/soap-envelope", StringComparison.Ordinal), SamlErrorCode.BindingSoapMalformed),
        Case("BareSamlMessage", Query, SamlErrorCode.BindingSoapMalformed),
        Case("Doctype", "<!DOCTYPE e [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" + Envelope(Body("&x;")), SamlErrorCode.XmlDoctypeForbidden),
        Case("NotXml", "HTTP/1.1 502 Bad Gateway", SamlErrorCode.XmlMalformed),
    ];

    [TestCaseSource(nameof(Refusals))]
    public void Unwrap_Refuses(string name, string envelope, SamlErrorCode expected)
    {
        var ex = Assert.Throws<SamlException>(() => SoapEnvelope.Unwrap(Bytes(envelope)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(expected), name);
            Assert.That(ex.Message, Does.Not.Contain("secret"), "the peer's fault text is never repeated");
        });
    }

    [Test]
    public void OurFault_IsReadAsAFault_WithItsCode()
    {
        var fault = SoapFault.FromError(SamlErrors.Describe(SamlErrorCode.BindingSoapMalformed));

        var ex = Assert.Throws<SamlException>(() => SoapEnvelope.Unwrap(fault.ToEnvelope()));

        Assert.Multiple(() =>
        {
            Assert.That(fault.Code, Is.EqualTo(SoapFaultCode.Client));
            Assert.That(SoapFault.FromError(SamlErrors.Describe(SamlErrorCode.BindingSoapTimeout)).Code, Is.EqualTo(SoapFaultCode.Server));
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSoapFault));
            Assert.That(ex.Message, Does.Contain("Client fault"));
            Assert.That(Encoding.UTF8.GetString(fault.ToEnvelope()), Does.Contain("<faultstring>VS4016 BindingSoapMalformed: "));
        });
    }

    [Test]
    public void Unwrap_RefusesBytesOverTheCap()
    {
        var envelope = Bytes(Envelope(Body(Query)));

        var ex = Assert.Throws<SamlException>(() => SoapEnvelope.Unwrap(envelope, envelope.Length - 1));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingMessageTooLarge));
    }

    [Test]
    public void Unwrap_FromAStream_ReadsNoMoreThanTheCapPlusOneByte()
    {
        using var stream = new MemoryStream(Bytes(Envelope(Body(Query.Replace("/>", ">" + new string(' ', 10 * 1024 * 1024) + "</samlp:AttributeQuery>", StringComparison.Ordinal)))));

        var ex = Assert.Throws<SamlException>(() => SoapEnvelope.Unwrap(stream, 64 * 1024));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingMessageTooLarge));
            Assert.That(stream.Position, Is.LessThanOrEqualTo((64 * 1024) + 1));
        });
    }

    private static string Envelope(string content, string? header = null) =>
        $"<soap11:Envelope xmlns:soap11=\"{Soap}\">" + (header is null ? "" : $"<soap11:Header>{header}</soap11:Header>") + content + "</soap11:Envelope>";

    private static string Body(string content) => $"<soap11:Body>{content}</soap11:Body>";

    private static byte[] Bytes(string xml) => Encoding.UTF8.GetBytes(xml);

    private static object[] Case(string name, string envelope, SamlErrorCode expected) => [name, envelope, expected];
}
