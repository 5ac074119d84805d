using System.Security.Cryptography;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Bindings;

/// <summary>
/// SAML Bindings 3.4.4.1: the signature is over the parameters exactly as they appear in the URL. We
/// verify over the raw bytes received, so a sender's own (valid) encoding verifies, and any change to a
/// signed parameter, even one that decodes to the same value, does not.
/// </summary>
public sealed class RedirectRawBytesTests
{
    private static readonly string Message = BindingSamples.DeflatedParameter(BindingSamples.AuthnRequest().OuterXml);

    [Test]
    public void SenderWithLowercaseEscapes_Verifies_BecauseWeNeverReEncode()
    {
        var signedPart = BindingSamples.LowercaseEscapes(
            $"SAMLRequest={Message}&RelayState=a%2fb%3fc&SigAlg={Uri.EscapeDataString(XmlNames.RsaSha256)}");
        var query = BindingSamples.SignRaw(signedPart, HashAlgorithmName.SHA256);
        Assert.That(query, Does.Contain("%2f"), "the sender's escapes are lowercase");

        var message = RedirectBinding.Decode(query);
        var verified = message.VerifySignature(BindingSamples.RpKeys());

        Assert.Multiple(() =>
        {
            Assert.That(message.RelayState, Is.EqualTo("a/b?c"));
            Assert.That(verified.PartyId, Is.EqualTo(BindingSamples.RpEntityId));
        });
    }

    private static readonly object[] ReEncodings =
    [
        new object[] { "RelayState", "a/b", (Func<string, string>)BindingSamples.LowercaseEscapes },
        new object[] { "RelayState", "a b", (Func<string, string>)(raw => raw.Replace("+", "%20", StringComparison.Ordinal)) },
        new object[] { "RelayState", "a~b", (Func<string, string>)(raw => raw.Replace("~", "%7E", StringComparison.Ordinal)) },
        new object[] { "SigAlg", "rs", (Func<string, string>)BindingSamples.LowercaseEscapes },
        new object[] { "SAMLRequest", "rs", (Func<string, string>)(raw => $"%{(int)raw[0]:X2}{raw[1..]}") },
    ];

    [TestCaseSource(nameof(ReEncodings))]
    public void SignedParameterReEncodedAfterSigning_SameDecodedValue_IsRefused(string parameter, string relayState, Func<string, string> reEncode)
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, relayState, credential));
        var raw = BindingSamples.RawValue(query, parameter);
        Assert.That(reEncode(raw), Is.Not.EqualTo(raw));

        var message = RedirectBinding.Decode(BindingSamples.WithRaw(query, parameter, reEncode(raw)));
        var ex = Assert.Throws<SamlException>(() => message.VerifySignature(BindingSamples.RpKeys()));

        Assert.Multiple(() =>
        {
            Assert.That(message.RelayState, Is.EqualTo(relayState), "the decoded value did not change");
            Assert.That(message.Document.DocumentElement!.GetAttribute("ID"), Is.EqualTo("_request-0001"));
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSignatureInvalid));
        });
    }

    [Test]
    public void SignatureParameterReEncoded_StillVerifies_BecauseItIsNotSigned()
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, null, credential));
        var raw = BindingSamples.RawValue(query, "Signature");

        var message = RedirectBinding.Decode(BindingSamples.WithRaw(query, "Signature", $"%{(int)raw[0]:X2}{raw[1..]}"));

        Assert.That(message.VerifySignature(BindingSamples.RpKeys()).PartyId, Is.EqualTo(BindingSamples.RpEntityId));
    }
}
