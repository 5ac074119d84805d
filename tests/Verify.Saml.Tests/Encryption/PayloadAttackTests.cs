using System.Text;
using System.Xml;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;

using static Verify.Saml.Tests.Encryption.EncryptionSamples;

namespace Verify.Saml.Tests.Encryption;

/// <summary>
/// Hostile plaintext, validly encrypted for us (anyone holding our public key can do that): it is read
/// with the same hardened parser as any outside XML, and must be exactly one saml:Assertion.
/// </summary>
public sealed class PayloadAttackTests
{
    private const string Assertion = """<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_p1" Version="2.0" IssueInstant="2026-11-30T10:00:00Z"><saml:Issuer>https://idp.test/saml</saml:Issuer></saml:Assertion>""";

    public sealed record Payload(string Name, Func<string, string> Plaintext, SamlErrorCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly Payload[] Payloads =
    [
        new("Doctype", _ => "<!DOCTYPE saml:Assertion>" + Assertion, SamlErrorCode.XmlDoctypeForbidden),
        new("ExternalEntityToLoopback", url => $"<!DOCTYPE a [<!ENTITY x SYSTEM \"{url}xxe\">]>" + Assertion.Replace("https://idp.test/saml", "&x;", StringComparison.Ordinal), SamlErrorCode.XmlDoctypeForbidden),
        new("BillionLaughs", _ => "<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + Assertion.Replace("https://idp.test/saml", "&c;", StringComparison.Ordinal), SamlErrorCode.XmlDoctypeForbidden),
        new("TwoAssertions", _ => Assertion + Assertion.Replace("_p1", "_p2", StringComparison.Ordinal), SamlErrorCode.EncryptionPayloadInvalid),
        new("NameIdInsteadOfAssertion", _ => """<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">pid</saml:NameID>""", SamlErrorCode.EncryptionPayloadInvalid),
        new("ResponseWrappingAnAssertion", _ => $"""<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">{Assertion}</samlp:Response>""", SamlErrorCode.EncryptionPayloadInvalid),
        new("TextOnly", _ => "pid-victim-0042", SamlErrorCode.EncryptionPayloadInvalid),
        new("Empty", _ => "", SamlErrorCode.EncryptionPayloadInvalid),
        new("AssertionThenText", _ => Assertion + "trailing", SamlErrorCode.EncryptionPayloadInvalid),
        new("AssertionThenComment", _ => Assertion + "<!-- x -->", SamlErrorCode.EncryptionPayloadInvalid),
        new("StylesheetInstructionToLoopback", url => $"<?xml-stylesheet type=\"text/xsl\" href=\"{url}x.xsl\"?>" + Assertion, SamlErrorCode.EncryptionPayloadInvalid),
        new("NotWellFormed", _ => Assertion[..^5], SamlErrorCode.XmlMalformed),
        new("NestedTooDeep", _ => Assertion.Replace("</saml:Assertion>", string.Concat(Enumerable.Repeat("<x>", 40)) + string.Concat(Enumerable.Repeat("</x>", 40)) + "</saml:Assertion>", StringComparison.Ordinal), SamlErrorCode.XmlTooDeep),
        new("UndeclaredPrefix", _ => Assertion.Replace("<saml:Issuer>", "<evil:Issuer>", StringComparison.Ordinal).Replace("</saml:Issuer>", "</evil:Issuer>", StringComparison.Ordinal), SamlErrorCode.XmlMalformed),
    ];

    [TestCaseSource(nameof(Payloads))]
    public void Decrypt_RefusesAHostilePayload_AndFetchesNothing(Payload payload)
    {
        using var loopback = new AttackLoopback();
        var document = WithPlaintext(payload.Plaintext(loopback.Url("")));

        AttackAssert.Refuses(payload.Expected, () => XmlDecryptor.DecryptAssertion(EncryptedAssertion(document), Keys(HubKey)));
        loopback.AssertNeverContacted();
    }

    [TestCase("")]
    [TestCase("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")]
    [TestCase("\n  ")]
    public void Decrypt_AcceptsOneAssertion_AfterAByteOrderMarkDeclarationOrWhitespace(string preamble)
    {
        var document = WithPlaintext(preamble + Assertion + "\n");

        var assertion = XmlDecryptor.DecryptAssertion(EncryptedAssertion(document), Keys(HubKey));

        Assert.That(assertion.GetAttribute("ID"), Is.EqualTo("_p1"));
    }

    /// <summary>The sample Response with its assertion replaced by an EncryptedAssertion of <paramref name="plaintext"/>.</summary>
    private static XmlDocument WithPlaintext(string plaintext)
    {
        var document = UnsignedResponse();
        var assertion = EncryptionSamples.Assertion(document);
        using var recipient = Recipient(HubKey);
        var wrapper = document.CreateElement("saml", "EncryptedAssertion", XmlNames.Saml);
        wrapper.AppendChild(XmlEncryptor.Encrypt(document, Encoding.UTF8.GetBytes(plaintext), recipient, DataEncryptionAlgorithm.Aes256Gcm));
        assertion.ParentNode!.ReplaceChild(wrapper, assertion);
        return SecureXml.Load(document.OuterXml);
    }
}
