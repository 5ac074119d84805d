using System.Diagnostics;
using System.Security.Cryptography;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Bindings;

/// <summary>
/// Break one thing in a valid signed HTTP-Redirect query (SAML Bindings 3.4.4), expect one specific
/// refusal from <see cref="RedirectBinding.Decode"/>.
/// </summary>
public sealed class RedirectDecodeRefusalTests
{
    private static readonly string RequestXml = BindingSamples.AuthnRequest().OuterXml;

    private static readonly object[] Breakages =
    [
        Case("DuplicateSAMLRequest", q => q + "&SAMLRequest=" + BindingSamples.RawValue(q, "SAMLRequest"), SamlErrorCode.BindingDuplicateParameter),
        Case("DuplicateHiddenByEncodedName", q => q + "&SAML%52equest=" + BindingSamples.RawValue(q, "SAMLRequest"), SamlErrorCode.BindingDuplicateParameter),
        Case("DuplicateRelayState", q => q + "&RelayState=other", SamlErrorCode.BindingDuplicateParameter),
        Case("DuplicateSigAlg", q => q + "&SigAlg=" + BindingSamples.RawValue(q, "SigAlg"), SamlErrorCode.BindingDuplicateParameter),
        Case("DuplicateSignature", q => q + "&Signature=" + BindingSamples.RawValue(q, "Signature"), SamlErrorCode.BindingDuplicateParameter),
        Case("BothRequestAndResponse", q => q + "&SAMLResponse=" + BindingSamples.RawValue(q, "SAMLRequest"), SamlErrorCode.BindingAmbiguousMessage),
        Case("NoMessage", q => BindingSamples.Without(q, "SAMLRequest"), SamlErrorCode.BindingMessageMissing),
        Case("EmptyMessage", q => BindingSamples.WithRaw(q, "SAMLRequest", ""), SamlErrorCode.BindingMessageMissing),
        Case("EmptyQuery", _ => "", SamlErrorCode.BindingMessageMissing),
        Case("SigAlgWithoutSignature", q => BindingSamples.Without(q, "Signature"), SamlErrorCode.BindingSignatureIncomplete),
        Case("SignatureWithoutSigAlg", q => BindingSamples.Without(q, "SigAlg"), SamlErrorCode.BindingSignatureIncomplete),
        Case("Unsigned", q => BindingSamples.Without(BindingSamples.Without(q, "Signature"), "SigAlg"), SamlErrorCode.BindingSignatureMissing),
        Case("SignatureNotBase64", q => BindingSamples.WithRaw(q, "Signature", "%21%21%21"), SamlErrorCode.BindingSignatureInvalid),
        Case("RelayStateOf81Bytes", q => BindingSamples.WithRaw(q, "RelayState", new string('r', 81)), SamlErrorCode.BindingRelayStateTooLong),
        Case("RelayStateOf41TwoByteCharacters", q => BindingSamples.WithRaw(q, "RelayState", string.Concat(Enumerable.Repeat("%C3%A9", 41))), SamlErrorCode.BindingRelayStateTooLong),
        Case("IncompleteEscape", q => BindingSamples.WithRaw(q, "RelayState", "abc%2"), SamlErrorCode.BindingMalformedQuery),
        Case("NonHexEscape", q => BindingSamples.WithRaw(q, "RelayState", "abc%G1"), SamlErrorCode.BindingMalformedQuery),
        Case("InvalidUtf8", q => BindingSamples.WithRaw(q, "RelayState", "%FF%FE"), SamlErrorCode.BindingMalformedQuery),
        Case("RawNonAscii", q => BindingSamples.WithRaw(q, "RelayState", "café"), SamlErrorCode.BindingMalformedQuery),
        Case("MessageNotBase64", q => BindingSamples.WithRaw(q, "SAMLRequest", "%21%21%21%21"), SamlErrorCode.BindingMalformedBase64),
        Case("MessageNotDeflate", q => BindingSamples.WithRaw(q, "SAMLRequest", Uri.EscapeDataString(Convert.ToBase64String([0x07, 0x00, 0x01]))), SamlErrorCode.BindingMalformedDeflate),
        Case("ResponseSentAsSAMLRequest", q => BindingSamples.WithRaw(q, "SAMLRequest", BindingSamples.DeflatedParameter(BindingSamples.Response().OuterXml)), SamlErrorCode.BindingMessageTypeMismatch),
        Case("NotSamlProtocol", q => BindingSamples.WithRaw(q, "SAMLRequest", BindingSamples.DeflatedParameter("<html><body/></html>")), SamlErrorCode.MessageUnexpectedRoot),
        Case("NotXml", q => BindingSamples.WithRaw(q, "SAMLRequest", BindingSamples.DeflatedParameter("not xml")), SamlErrorCode.XmlMalformed),
        Case("Doctype", q => BindingSamples.WithRaw(q, "SAMLRequest", BindingSamples.DeflatedParameter("<!DOCTYPE x [<!ENTITY e 'x'>]>" + RequestXml)), SamlErrorCode.XmlDoctypeForbidden),
        Case("QueryOverTheLimit", q => q + "&padding=" + new string('p', 64 * 1024), SamlErrorCode.BindingMessageTooLarge),
    ];

    [TestCaseSource(nameof(Breakages))]
    public void BrokenQuery_IsRefused(string name, Func<string, string> breakIt, SamlErrorCode expected)
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, "state-1", credential));
        Assert.That(RedirectBinding.Decode(query).VerifySignature(BindingSamples.RpKeys()), Is.Not.Null, "the unbroken query is valid");

        var ex = Assert.Throws<SamlException>(() => RedirectBinding.Decode(breakIt(query)));

        Assert.That(ex!.Code, Is.EqualTo(expected), name);
    }

    [Test]
    public void DeflateBomb_IsRefusedQuickly_AfterInflatingNoMoreThanTheCap()
    {
        // 10 MB of zeros deflates to about 10 KB: small enough for a URL, 40 times the message limit.
        var bomb = SamlMessageEncoding.Deflate(new byte[10 * 1024 * 1024]);
        Assert.That(bomb.Length, Is.LessThan(16 * 1024));
        var query = "SAMLRequest=" + Uri.EscapeDataString(Convert.ToBase64String(bomb));
        var stopwatch = Stopwatch.StartNew();

        var ex = Assert.Throws<SamlException>(() => RedirectBinding.Decode(query, new RedirectDecodeOptions { RequireSignature = false }));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingInflateTooLarge));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public void Inflate_StopsOneByteAfterTheCap()
    {
        var deflated = SamlMessageEncoding.Deflate(RandomNumberGenerator.GetBytes(1001));

        Assert.Multiple(() =>
        {
            Assert.That(SamlMessageEncoding.Inflate(deflated, 1001), Has.Length.EqualTo(1001));
            Assert.That(() => SamlMessageEncoding.Inflate(deflated, 1000), Throws.TypeOf<SamlException>()
                .With.Property(nameof(SamlException.Code)).EqualTo(SamlErrorCode.BindingInflateTooLarge));
        });
    }

    [Test]
    public void InflatedMessageOverAConfiguredLimit_IsRefused()
    {
        var query = "SAMLRequest=" + BindingSamples.DeflatedParameter(RequestXml);

        var ex = Assert.Throws<SamlException>(() => RedirectBinding.Decode(query, new RedirectDecodeOptions { RequireSignature = false, MaxMessageBytes = RequestXml.Length - 1 }));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingInflateTooLarge));
    }

    [Test]
    public void LeadingQuestionMarkAndUnrelatedParameters_AreAccepted()
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, null, credential));

        var message = RedirectBinding.Decode("?utm_source=x&&" + query + "&other");

        Assert.That(message.VerifySignature(BindingSamples.RpKeys()).Element.LocalName, Is.EqualTo("AuthnRequest"));
    }

    private static object[] Case(string name, Func<string, string> breakIt, SamlErrorCode expected) => [name, breakIt, expected];
}
