using System.Text;
using System.Text.RegularExpressions;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Bindings;

/// <summary>SAML Bindings 3.5.4: the form value is base64 of the message, which may be line-wrapped.</summary>
public sealed class PostBindingDecodeTests
{
    [Test]
    public void SignedResponse_EncodedAndDecoded_StillVerifies()
    {
        var response = BindingSamples.Response();
        using (var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing")))
        {
            XmlSigner.Sign(response.DocumentElement!, credential);
        }

        var form = new Dictionary<string, string> { ["SAMLResponse"] = PostBinding.Encode(response), ["RelayState"] = "state-1" };
        var message = PostBinding.Decode(form);
        var verified = XmlSignatureVerifier.Verify(message.Document.DocumentElement!, BindingSamples.IdpKeys());

        Assert.Multiple(() =>
        {
            Assert.That(message.Kind, Is.EqualTo(SamlMessageKind.Response));
            Assert.That(message.RelayState, Is.EqualTo("state-1"));
            Assert.That(verified.Element.GetAttribute("ID"), Is.EqualTo("_response-0001"));
        });
    }

    [TestCase(64, "\r\n")]
    [TestCase(76, "\r\n")]
    [TestCase(76, "\n")]
    [TestCase(60, " ")]
    public void LineWrappedBase64_IsAccepted(int width, string separator)
    {
        var base64 = PostBinding.Encode(BindingSamples.AuthnRequest());
        var wrapped = "\n  " + string.Join(separator, Regex.Matches(base64, $".{{1,{width}}}").Select(m => m.Value)) + "\r\n";

        var message = PostBinding.Decode(SamlMessageKind.Request, wrapped, relayState: null);

        Assert.That(message.Document.DocumentElement!.GetAttribute("ID"), Is.EqualTo("_request-0001"));
    }

    [Test]
    public void Encode_IsUtf8WithoutDeclarationOrBom()
    {
        var bytes = Convert.FromBase64String(PostBinding.Encode(BindingSamples.AuthnRequest()));

        Assert.That(Encoding.UTF8.GetString(bytes), Does.StartWith("<samlp:AuthnRequest "));
    }

    private static readonly object[] Breakages =
    [
        Case("BothFields", new() { ["SAMLRequest"] = Request(), ["SAMLResponse"] = Request() }, SamlErrorCode.BindingAmbiguousMessage),
        Case("NoField", new() { ["RelayState"] = "x" }, SamlErrorCode.BindingMessageMissing),
        Case("EmptyField", new() { ["SAMLResponse"] = "" }, SamlErrorCode.BindingMessageMissing),
        Case("RequestInSAMLResponse", new() { ["SAMLResponse"] = Request() }, SamlErrorCode.BindingMessageTypeMismatch),
        Case("RelayStateOf81Bytes", new() { ["SAMLRequest"] = Request(), ["RelayState"] = new string('r', 81) }, SamlErrorCode.BindingRelayStateTooLong),
        Case("NotBase64", new() { ["SAMLRequest"] = "!!!!" }, SamlErrorCode.BindingMalformedBase64),
        Case("OverTheLimit", new() { ["SAMLRequest"] = Convert.ToBase64String(new byte[SamlMessageEncoding.DefaultMaxBytes + 1]) }, SamlErrorCode.BindingMessageTooLarge),
        Case("Doctype", new() { ["SAMLRequest"] = Base64("<!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><r>&e;</r>") }, SamlErrorCode.XmlDoctypeForbidden),
        Case("NotSamlProtocol", new() { ["SAMLRequest"] = Base64("<r/>") }, SamlErrorCode.MessageUnexpectedRoot),
    ];

    [TestCaseSource(nameof(Breakages))]
    public void BrokenForm_IsRefused(string name, Dictionary<string, string> form, SamlErrorCode expected)
    {
        var ex = Assert.Throws<SamlException>(() => PostBinding.Decode(form));

        Assert.That(ex!.Code, Is.EqualTo(expected), name);
    }

    [Test]
    public void MessageOverAConfiguredLimit_IsRefused()
    {
        var ex = Assert.Throws<SamlException>(() => PostBinding.Decode(SamlMessageKind.Request, Request(), null, maxMessageBytes: 100));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingMessageTooLarge));
    }

    private static string Request() => PostBinding.Encode(BindingSamples.AuthnRequest());

    private static string Base64(string xml) => Convert.ToBase64String(Encoding.UTF8.GetBytes(xml));

    private static object[] Case(string name, Dictionary<string, string> form, SamlErrorCode expected) => [name, form, expected];
}
