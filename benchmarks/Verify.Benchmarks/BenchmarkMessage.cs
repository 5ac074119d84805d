using System.Text.RegularExpressions;

namespace Verify.Benchmarks;

/// <summary>
/// A realistic, unsigned Verify IDP response: samlp:Response with Issuer and Status, then two
/// assertions from the IDP: one authentication assertion (LoA2 AuthnStatement + TXN_IPaddress) and one
/// matching-dataset assertion (MDS_firstname, MDS_middlename, MDS_surname ×2 with one historical,
/// MDS_gender, MDS_dateofbirth, MDS_currentaddress, MDS_previousaddress), every value typed
/// <c>xsi:type="ida:…"</c> with <c>ida:From</c>/<c>ida:To</c>/<c>ida:Verified</c>.
/// </summary>
/// <remarks>
/// Written indented for reading; <see cref="UnsignedXml"/> drops the whitespace between tags, as OpenSAML's
/// marshaller does, so the bytes look like what an IDP sends. Signed with three RSA-2048 signatures
/// (KeyInfo carrying the certificate) it is about 7 KB.
/// </remarks>
public static partial class BenchmarkMessage
{
    public const string ResponseId = "_8d0f3c5e-7b1a-4e2f-9c6d-3a5b7e9f1c2d";
    public const string AuthnAssertionId = "_2f4a6c8e-1b3d-4f5a-8c7e-9d1b3f5a7c9e";
    public const string MdsAssertionId = "_c1e3a5f7-9b2d-4e6f-8a1c-3e5a7c9e1b3d";
    public const string IdpEntityId = "https://stub-idp.verify.example/stub-idp-one";
    public const string HubEntityId = "https://hub.verify.example";

    /// <summary>The prefixes used inside xsi:type values (what our signer lists as InclusiveNamespaces).</summary>
    public const string QNamePrefixes = "ida";

    private const string Template = """
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" Destination="https://hub.verify.example/SAML2/SSO/Response/POST" ID="{RESPONSE_ID}" InResponseTo="_5b9e2c4a-6d8f-4a1b-9e3c-7f5d1a3b9c8e" IssueInstant="2026-11-30T10:15:02.417Z" Version="2.0">
          <saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{IDP}</saml:Issuer>
          <samlp:Status>
            <samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>
          </samlp:Status>
          <saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ida="http://www.cabinetoffice.gov.uk/resource-library/ida/attributes" ID="{AUTHN_ID}" IssueInstant="2026-11-30T10:15:02.417Z" Version="2.0">
            <saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{IDP}</saml:Issuer>
            <saml:Subject>
              <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">{PID}</saml:NameID>
              <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
                <saml:SubjectConfirmationData InResponseTo="_5b9e2c4a-6d8f-4a1b-9e3c-7f5d1a3b9c8e" NotOnOrAfter="2026-11-30T11:45:02.417Z" Recipient="https://hub.verify.example/SAML2/SSO/Response/POST"/>
              </saml:SubjectConfirmation>
            </saml:Subject>
            <saml:Conditions NotBefore="2026-11-30T10:15:02.417Z" NotOnOrAfter="2026-11-30T11:45:02.417Z">
              <saml:AudienceRestriction>
                <saml:Audience>{HUB}</saml:Audience>
              </saml:AudienceRestriction>
            </saml:Conditions>
            <saml:AuthnStatement AuthnInstant="2026-11-30T10:15:01.902Z" SessionIndex="_7e1c3a5f-2d4b-4c6e-8f1a-5b3d7e9c1a2f">
              <saml:AuthnContext>
                <saml:AuthnContextClassRef>urn:uk:gov:cabinet-office:tc:saml:authn-context:level2</saml:AuthnContextClassRef>
              </saml:AuthnContext>
            </saml:AuthnStatement>
            <saml:AttributeStatement>
              <saml:Attribute Name="TXN_IPaddress" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">
                <saml:AttributeValue xsi:type="ida:IPAddressType">203.0.113.42</saml:AttributeValue>
              </saml:Attribute>
            </saml:AttributeStatement>
          </saml:Assertion>
          <saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ida="http://www.cabinetoffice.gov.uk/resource-library/ida/attributes" ID="{MDS_ID}" IssueInstant="2026-11-30T10:15:02.417Z" Version="2.0">
            <saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{IDP}</saml:Issuer>
            <saml:Subject>
              <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">{PID}</saml:NameID>
              <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
                <saml:SubjectConfirmationData InResponseTo="_5b9e2c4a-6d8f-4a1b-9e3c-7f5d1a3b9c8e" NotOnOrAfter="2026-11-30T11:45:02.417Z" Recipient="https://hub.verify.example/SAML2/SSO/Response/POST"/>
              </saml:SubjectConfirmation>
            </saml:Subject>
            <saml:Conditions NotBefore="2026-11-30T10:15:02.417Z" NotOnOrAfter="2026-11-30T11:45:02.417Z">
              <saml:AudienceRestriction>
                <saml:Audience>{HUB}</saml:Audience>
              </saml:AudienceRestriction>
            </saml:Conditions>
            <saml:AttributeStatement>
              <saml:Attribute Name="MDS_firstname" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
                <saml:AttributeValue ida:From="2001-03-14" ida:Verified="true" xsi:type="ida:PersonNameType">Jane</saml:AttributeValue>
              </saml:Attribute>
              <saml:Attribute Name="MDS_middlename" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
                <saml:AttributeValue ida:From="2001-03-14" ida:Verified="true" xsi:type="ida:PersonNameType">Elizabeth</saml:AttributeValue>
              </saml:Attribute>
              <saml:Attribute Name="MDS_surname" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
                <saml:AttributeValue ida:From="2012-06-09" ida:Verified="true" xsi:type="ida:PersonNameType">Okonkwo-Smith</saml:AttributeValue>
                <saml:AttributeValue ida:From="1984-02-29" ida:To="2012-06-08" ida:Verified="true" xsi:type="ida:PersonNameType">Smith</saml:AttributeValue>
              </saml:Attribute>
              <saml:Attribute Name="MDS_gender" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
                <saml:AttributeValue ida:Verified="false" xsi:type="ida:GenderType">Female</saml:AttributeValue>
              </saml:Attribute>
              <saml:Attribute Name="MDS_dateofbirth" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
                <saml:AttributeValue ida:Verified="true" xsi:type="ida:DateType">1984-02-29</saml:AttributeValue>
              </saml:Attribute>
              <saml:Attribute Name="MDS_currentaddress" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
                <saml:AttributeValue ida:From="2019-09-01" ida:Verified="true" xsi:type="ida:AddressType">
                  <ida:Line>Flat 4</ida:Line>
                  <ida:Line>27 Acacia Avenue</ida:Line>
                  <ida:Line>Bristol</ida:Line>
                  <ida:PostCode>BS6 5QJ</ida:PostCode>
                  <ida:UPRN>100120123456</ida:UPRN>
                </saml:AttributeValue>
              </saml:Attribute>
              <saml:Attribute Name="MDS_previousaddress" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
                <saml:AttributeValue ida:From="2012-06-09" ida:To="2019-08-31" ida:Verified="false" xsi:type="ida:AddressType">
                  <ida:Line>12 Mill Lane</ida:Line>
                  <ida:Line>Stoke Bishop</ida:Line>
                  <ida:Line>Bristol</ida:Line>
                  <ida:PostCode>BS9 1AA</ida:PostCode>
                  <ida:UPRN>100120654321</ida:UPRN>
                </saml:AttributeValue>
              </saml:Attribute>
            </saml:AttributeStatement>
          </saml:Assertion>
        </samlp:Response>
        """;

    /// <summary>The unsigned response, as one line (no whitespace between tags).</summary>
    public static string UnsignedXml { get; } = BetweenTags().Replace(Template, "><")
        .Replace("{RESPONSE_ID}", ResponseId, StringComparison.Ordinal)
        .Replace("{AUTHN_ID}", AuthnAssertionId, StringComparison.Ordinal)
        .Replace("{MDS_ID}", MdsAssertionId, StringComparison.Ordinal)
        .Replace("{IDP}", IdpEntityId, StringComparison.Ordinal)
        .Replace("{HUB}", HubEntityId, StringComparison.Ordinal)
        .Replace("{PID}", "9c4f2e7a1b3d5f8e0a2c4e6b8d1f3a5c7e9b2d4f6a8c1e3b5d7f9a2c4e6b8d0f", StringComparison.Ordinal)
        .Trim();

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();
}
