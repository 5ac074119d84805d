using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// The valid, realistic IDP Response every attack starts from, and the small DOM helpers the attack
/// tables share. The attacker's own assertion names <see cref="OwnNameId"/>; every attack tries to make
/// the hub read <see cref="VictimNameId"/> instead.
/// </summary>
internal static class AttackMessages
{
    public const string ResponseId = "_resp-7f3c9a0e51d4";
    public const string AssertionId = "_assert-2b8e41c6f09a";
    public const string OwnNameId = "pid-attacker-7731";
    public const string VictimNameId = "pid-victim-0042";
    public const string EvilResponseId = "_evil-response";
    public const string EvilAssertionId = "_evil-assertion";

    public const string ResponseXml = """
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_resp-7f3c9a0e51d4" Version="2.0" IssueInstant="2026-11-30T10:00:00Z" Destination="https://hub.test/SAML2/SSO/Response/POST" InResponseTo="_req-4d2e1c">
          <saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">https://idp.test/saml</saml:Issuer>
          <samlp:Status>
            <samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>
          </samlp:Status>
          <saml:Assertion ID="_assert-2b8e41c6f09a" Version="2.0" IssueInstant="2026-11-30T10:00:00Z">
            <saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">https://idp.test/saml</saml:Issuer>
            <saml:Subject>
              <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">pid-attacker-7731</saml:NameID>
              <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
                <saml:SubjectConfirmationData InResponseTo="_req-4d2e1c" NotOnOrAfter="2026-11-30T10:05:00Z" Recipient="https://hub.test/SAML2/SSO/Response/POST"/>
              </saml:SubjectConfirmation>
            </saml:Subject>
            <saml:Conditions NotBefore="2026-11-30T09:59:00Z" NotOnOrAfter="2026-11-30T10:05:00Z">
              <saml:AudienceRestriction>
                <saml:Audience>https://hub.test/saml</saml:Audience>
              </saml:AudienceRestriction>
            </saml:Conditions>
            <saml:AuthnStatement AuthnInstant="2026-11-30T09:59:30Z" SessionIndex="_session-91ac">
              <saml:AuthnContext>
                <saml:AuthnContextClassRef>urn:uk:gov:cabinet-office:tc:saml:authn-context:level2</saml:AuthnContextClassRef>
              </saml:AuthnContext>
            </saml:AuthnStatement>
            <saml:AttributeStatement xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <saml:Attribute Name="MDS_firstname" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">
                <saml:AttributeValue xsi:type="xs:string">Alice</saml:AttributeValue>
              </saml:Attribute>
              <saml:Attribute Name="MDS_surname" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">
                <saml:AttributeValue xsi:type="xs:string">Attacker</saml:AttributeValue>
              </saml:Attribute>
              <saml:Attribute Name="MDS_dateofbirth" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">
                <saml:AttributeValue xsi:type="xs:string">1980-05-24</saml:AttributeValue>
              </saml:Attribute>
            </saml:AttributeStatement>
          </saml:Assertion>
        </samlp:Response>
        """;

    /// <summary>The Response with no signature at all.</summary>
    public static XmlDocument Unsigned() => SecureXml.Load(ResponseXml);

    /// <summary>Only the assertion is signed (by the IDP), as the hub profile allows.</summary>
    public static XmlDocument AssertionSigned() => Signed(assertion: true, response: false);

    /// <summary>Only the Response is signed; the assertion inside is not.</summary>
    public static XmlDocument ResponseSigned() => Signed(assertion: false, response: true);

    /// <summary>The assertion, then the Response, each signed by the IDP.</summary>
    public static XmlDocument FullySigned() => Signed(assertion: true, response: true);

    /// <summary>Serialises and parses again, as the hub receives it.</summary>
    public static XmlDocument Reparse(XmlDocument document) => SecureXml.Load(document.OuterXml);

    /// <summary>Signs <paramref name="element"/> in place with <paramref name="certificate"/> (the IDP by default).</summary>
    public static XmlElement Sign(XmlElement element, X509Certificate2? certificate = null)
    {
        using var credential = SigningCredential.FromCertificate(certificate ?? AttackKeys.Idp);
        return XmlSigner.Sign(element, credential);
    }

    /// <summary>The document's first saml:Assertion in document order (what a naive consumer reads).</summary>
    public static XmlElement Assertion(XmlDocument document) =>
        (XmlElement)document.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!;

    /// <summary>The original signed saml:Assertion (its ID and its own ds:Signature), wherever an attack moved it.</summary>
    public static XmlElement SignedAssertion(XmlDocument document) =>
        document.GetElementsByTagName("Assertion", XmlNames.Saml).Cast<XmlElement>()
            .Single(a => a.GetAttribute("ID") == AssertionId && a.ChildNodes.OfType<XmlElement>().Any(IsSignature));

    /// <summary>The first saml:NameID at or under <paramref name="scope"/>.</summary>
    public static XmlElement NameId(XmlElement scope) => (XmlElement)scope.GetElementsByTagName("NameID", XmlNames.Saml)[0]!;

    /// <summary>The ds:Signature that is a direct child of <paramref name="element"/>.</summary>
    public static XmlElement Signature(XmlElement element) =>
        element.ChildNodes.OfType<XmlElement>().Single(IsSignature);

    /// <summary>Removes the direct ds:Signature child of <paramref name="element"/>, if any.</summary>
    public static void RemoveSignature(XmlElement element)
    {
        foreach (var signature in element.ChildNodes.OfType<XmlElement>().Where(IsSignature).ToList())
        {
            element.RemoveChild(signature);
        }
    }

    /// <summary>Whether <paramref name="element"/> is a ds:Signature.</summary>
    public static bool IsSignature(XmlElement element) => element is { LocalName: "Signature", NamespaceURI: XmlNames.DSig };

    /// <summary>Creates an element in the XML-DSig namespace with the ds prefix.</summary>
    public static XmlElement Ds(XmlDocument document, string localName) => document.CreateElement("ds", localName, XmlNames.DSig);

    /// <summary>Rewrites every NameID under <paramref name="scope"/> to the victim's and optionally gives it a new ID.</summary>
    public static XmlElement MakeEvil(XmlElement scope, string? newId = null)
    {
        foreach (XmlElement nameId in scope.GetElementsByTagName("NameID", XmlNames.Saml))
        {
            nameId.InnerText = VictimNameId;
        }

        if (newId is not null)
        {
            scope.SetAttribute("ID", newId);
        }

        return scope;
    }

    private static XmlDocument Signed(bool assertion, bool response)
    {
        var document = Unsigned();
        if (assertion)
        {
            Sign(Assertion(document));
        }

        if (response)
        {
            Sign(document.DocumentElement!);
        }

        return Reparse(document);
    }
}
