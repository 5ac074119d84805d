using System.Xml;

using Verify.Saml.Samlp;
using Verify.Saml.Tests.Bindings;
using Verify.Saml.Tests.Encryption;
using Verify.Saml.Tests.Model;
using Verify.Saml.Tests.Support;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Signatures;

/// <summary>
/// The messages of the test suite, parsed and as our writers build them (DOMs without namespace
/// declaration attributes), plus documents made to trip a canonicaliser: default namespaces set and
/// unset, redundant and changed redeclarations, attributes from several namespaces, xml:* attributes,
/// comments, processing instructions, CDATA, character references and characters outside ASCII.
/// </summary>
internal static class CanonicalWriterCorpus
{
    private const string Namespaces = """
        <root xmlns="urn:a" xmlns:p="urn:p" xmlns:unused="urn:unused" xml:lang="en" ID="_root">
          <child xmlns="" b="2" a="1"><grand xmlns="urn:b" p:attr="1" b="2" a="3" xml:lang="cy" xml:space="preserve"/><p:q xmlns:p="urn:p"/></child>
          <p:x xmlns:p="urn:p2" z:attr="v" xmlns:z="urn:z" y:attr="w" xmlns:y="urn:a" attr="plain"><p:y xmlns:p="urn:p"/></p:x>
          <inner><!-- a comment --><?target?><?t2 some  data?>é ✓ 𝄞 &amp;&lt;&gt;"' tab&#x9;cr&#xD;lf&#xA;</inner>
          <unused:u unused:v="x"><![CDATA[<not markup> & ]]]]><![CDATA[>]]></unused:u>
          <q xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string" v="&#x9;&#xA;&#xD;&quot;&amp;&lt;&gt;'"><r xmlns="urn:a"/></q>
        </root>
        """;

    private const string NoNamespace = """
        <a ID="_a"><b xmlns:p="urn:p"><p:c/><d xmlns="urn:d"><e xmlns=""/></d></b>
        <?pi?>  </a>
        """;

    /// <summary>
    /// Each document with a name for failure messages and whether it is exactly as parsed (a received message)
    /// rather than built or changed in memory (a message we sign); a fresh DOM on every call.
    /// </summary>
    public static IEnumerable<(string Name, XmlDocument Document, bool Parsed)> Documents()
    {
        yield return ("IdpResponse", SampleMessages.IdpResponse(), true);
        yield return ("IdpCancelResponse", SampleMessages.IdpCancelResponse(), true);
        yield return ("AttackResponse unsigned", AttackMessages.Unsigned(), true);
        yield return ("AttackResponse fully signed", AttackMessages.FullySigned(), false);
        yield return ("AttackResponse fully signed, reparsed", AttackMessages.Reparse(AttackMessages.FullySigned()), true);
        yield return ("BindingSamples AuthnRequest", BindingSamples.AuthnRequest(), true);
        yield return ("BindingSamples LogoutResponse", BindingSamples.LogoutResponse(), true);
        yield return ("EncryptionSamples signed", EncryptionSamples.SignedResponse(), false);
        yield return ("EncryptionSamples encrypted", EncryptionSamples.EncryptedResponse(), false);
        yield return ("Tricky", SecureXml.Load(CanonicalizationEquivalenceTests.Tricky), true);
        yield return ("Namespaces", SecureXml.Load(Namespaces), true);
        yield return ("NoNamespace", SecureXml.Load(NoNamespace), true);

        // As our writers build them, before any serialisation (the signing route).
        yield return ("written AuthnRequest", SamlXmlWriter.WriteAuthnRequest(ModelSamples.AuthnRequest()), false);
        yield return ("written Response", SamlXmlWriter.WriteResponse(ModelSamples.Response()), false);
        yield return ("written ErrorResponse", SamlXmlWriter.WriteResponse(ModelSamples.ErrorResponse()), false);
        yield return ("written AuthnAssertion", SamlXmlWriter.WriteAssertion(ModelSamples.AuthnAssertion()), false);
        yield return ("written MdsAssertion", SamlXmlWriter.WriteAssertion(ModelSamples.MdsAssertion()), false);
        yield return ("written AttributeQuery", SamlXmlWriter.WriteAttributeQuery(ModelSamples.AttributeQuery()), false);
        yield return ("written LogoutRequest", SamlXmlWriter.WriteLogoutRequest(ModelSamples.LogoutRequest()), false);
        yield return ("written LogoutResponse", SamlXmlWriter.WriteLogoutResponse(ModelSamples.LogoutResponse()), false);
        var signed = SamlXmlWriter.WriteResponse(ModelSamples.Response());
        using var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing"));
        foreach (var assertion in signed.DocumentElement!.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "Assertion").ToList())
        {
            XmlSigner.Sign(assertion, credential);
        }

        XmlSigner.Sign(signed.DocumentElement!, credential);
        yield return ("written Response, signed in place", signed, false);
    }
}
