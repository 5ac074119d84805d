using System.Globalization;
using System.Xml;

using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// Realistic messages in the shape GOV.UK Verify's parties sent, as OpenSAML-based IDPs wrote them (prefixes
/// <c>saml2p</c>/<c>saml2</c>, indented, namespaces declared at different levels). IDs and times are parameters so
/// tests and benchmarks are deterministic. Nothing is signed; signature tests sign these at test time.
/// </summary>

public static class SampleMessages
{
    public const string IdpEntityId = "https://idp.verify.test/saml2/idp/metadata";
    public const string HubEntityId = "https://hub.verify.test/SAML2/metadata/federation";
    public const string HubAcsUrl = "https://hub.verify.test/SAML2/SSO/Response/POST";
    public const string Pid = "8f3c1e2a-6b4d-4c7e-9a10-5d2e7f4b3c21";
    public const string IpAddress = "203.0.113.42";

    /// <summary>The default issue instant: 2025-03-14T10:30:00.000Z.</summary>
    public static DateTimeOffset DefaultInstant { get; } = new(2025, 3, 14, 10, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// A successful IDP response to the hub: an authn-statement assertion (level 2, <c>TXN_IPaddress</c>) and a
    /// matching-dataset assertion with name history, date of birth, gender, and current and previous addresses.
    /// About 7 KB serialized.
    /// </summary>
    public static XmlDocument IdpResponse(
        string responseId = "_response-0001",
        string inResponseTo = "_request-0001",
        string authnAssertionId = "_assertion-authn-0001",
        string mdsAssertionId = "_assertion-mds-0001",
        DateTimeOffset? issueInstant = null) =>
        SecureXml.Load(IdpResponseXml(responseId, inResponseTo, authnAssertionId, mdsAssertionId, issueInstant));

    /// <summary>The text of <see cref="IdpResponse"/>.</summary>
    public static string IdpResponseXml(
        string responseId = "_response-0001",
        string inResponseTo = "_request-0001",
        string authnAssertionId = "_assertion-authn-0001",
        string mdsAssertionId = "_assertion-mds-0001",
        DateTimeOffset? issueInstant = null)
    {
        var now = issueInstant ?? DefaultInstant;
        var issued = Time(now);
        var authnInstant = Time(now.AddMinutes(-2));
        var confirmUntil = Time(now.AddMinutes(5));
        var validUntil = Time(now.AddMinutes(60));
        return $"""
            <saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" Destination="{HubAcsUrl}" ID="{responseId}" InResponseTo="{inResponseTo}" IssueInstant="{issued}" Version="2.0">
              <saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{IdpEntityId}</saml2:Issuer>
              <saml2p:Status>
                <saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>
              </saml2p:Status>
              <saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="{authnAssertionId}" IssueInstant="{issued}" Version="2.0">
                <saml2:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{IdpEntityId}</saml2:Issuer>
                <saml2:Subject>
                  <saml2:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">{Pid}</saml2:NameID>
                  <saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
                    <saml2:SubjectConfirmationData InResponseTo="{inResponseTo}" NotOnOrAfter="{confirmUntil}" Recipient="{HubAcsUrl}"/>
                  </saml2:SubjectConfirmation>
                </saml2:Subject>
                <saml2:Conditions NotBefore="{issued}" NotOnOrAfter="{validUntil}">
                  <saml2:AudienceRestriction>
                    <saml2:Audience>{HubEntityId}</saml2:Audience>
                  </saml2:AudienceRestriction>
                </saml2:Conditions>
                <saml2:AuthnStatement AuthnInstant="{authnInstant}" SessionIndex="_session-0001">
                  <saml2:AuthnContext>
                    <saml2:AuthnContextClassRef>urn:uk:gov:cabinet-office:tc:saml:authn-context:level2</saml2:AuthnContextClassRef>
                  </saml2:AuthnContext>
                </saml2:AuthnStatement>
                <saml2:AttributeStatement>
                  <saml2:Attribute FriendlyName="IP Address" Name="TXN_IPaddress" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">
                    <saml2:AttributeValue xmlns:ida="http://www.cabinetoffice.gov.uk/resource-library/ida/attributes" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ida:IPAddressType">{IpAddress}</saml2:AttributeValue>
                  </saml2:Attribute>
                </saml2:AttributeStatement>
              </saml2:Assertion>
              <saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="{mdsAssertionId}" IssueInstant="{issued}" Version="2.0">
                <saml2:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{IdpEntityId}</saml2:Issuer>
                <saml2:Subject>
                  <saml2:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">{Pid}</saml2:NameID>
                  <saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
                    <saml2:SubjectConfirmationData InResponseTo="{inResponseTo}" NotOnOrAfter="{confirmUntil}" Recipient="{HubAcsUrl}"/>
                  </saml2:SubjectConfirmation>
                </saml2:Subject>
                <saml2:Conditions NotBefore="{issued}" NotOnOrAfter="{validUntil}">
                  <saml2:AudienceRestriction>
                    <saml2:Audience>{HubEntityId}</saml2:Audience>
                  </saml2:AudienceRestriction>
                </saml2:Conditions>
                <saml2:AttributeStatement xmlns:ida="http://www.cabinetoffice.gov.uk/resource-library/ida/attributes" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <saml2:Attribute FriendlyName="Firstname" Name="MDS_firstname" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">
                    <saml2:AttributeValue ida:From="1980-05-24" ida:Language="en-GB" ida:Verified="true" xsi:type="ida:PersonNameType">Joanna</saml2:AttributeValue>
                  </saml2:Attribute>
                  <saml2:Attribute FriendlyName="Middlename(s)" Name="MDS_middlename" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">
                    <saml2:AttributeValue ida:From="1980-05-24" ida:Verified="true" xsi:type="ida:PersonNameType">Catherine Mary</saml2:AttributeValue>
                  </saml2:Attribute>
                  <saml2:Attribute FriendlyName="Surname" Name="MDS_surname" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">
                    <saml2:AttributeValue ida:From="2009-08-15" ida:Verified="true" xsi:type="ida:PersonNameType">Ahmed-Jones</saml2:AttributeValue>
                    <saml2:AttributeValue ida:From="1980-05-24" ida:To="2009-08-14" ida:Verified="true" xsi:type="ida:PersonNameType">Jones</saml2:AttributeValue>
                  </saml2:Attribute>
                  <saml2:Attribute FriendlyName="Gender" Name="MDS_gender" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">
                    <saml2:AttributeValue ida:Verified="false" xsi:type="ida:GenderType">Female</saml2:AttributeValue>
                  </saml2:Attribute>
                  <saml2:Attribute FriendlyName="Date of Birth" Name="MDS_dateofbirth" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">
                    <saml2:AttributeValue ida:Verified="true" xsi:type="ida:DateType">1980-05-24</saml2:AttributeValue>
                  </saml2:Attribute>
                  <saml2:Attribute FriendlyName="Current Address" Name="MDS_currentaddress" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">
                    <saml2:AttributeValue ida:From="2016-02-01" ida:Verified="true" xsi:type="ida:AddressType">
                      <ida:Line>Flat 4</ida:Line>
                      <ida:Line>27 Acacia Avenue</ida:Line>
                      <ida:Line>Bristol</ida:Line>
                      <ida:PostCode>BS1 4DJ</ida:PostCode>
                      <ida:UPRN>100120998877</ida:UPRN>
                    </saml2:AttributeValue>
                  </saml2:Attribute>
                  <saml2:Attribute FriendlyName="Previous Addresses" Name="MDS_previousaddress" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">
                    <saml2:AttributeValue ida:From="2009-08-15" ida:To="2016-01-31" ida:Verified="true" xsi:type="ida:AddressType">
                      <ida:Line>12 Mill Lane</ida:Line>
                      <ida:Line>Cardiff</ida:Line>
                      <ida:PostCode>CF10 1AA</ida:PostCode>
                    </saml2:AttributeValue>
                    <saml2:AttributeValue ida:From="2009-08-15" ida:To="2016-01-31" ida:Verified="false" xsi:type="ida:AddressType">
                      <ida:Line>12 Mill Lane</ida:Line>
                      <ida:Line>Cathays</ida:Line>
                      <ida:Line>Cardiff</ida:Line>
                      <ida:PostCode>CF10 1AA</ida:PostCode>
                      <ida:UPRN>10002513399</ida:UPRN>
                    </saml2:AttributeValue>
                    <saml2:AttributeValue ida:From="2005-09-01" ida:To="2009-08-14" ida:Verified="false" xsi:type="ida:AddressType">
                      <ida:Line>Calle Mayor 5</ida:Line>
                      <ida:Line>Madrid</ida:Line>
                      <ida:InternationalPostCode>28013</ida:InternationalPostCode>
                    </saml2:AttributeValue>
                  </saml2:Attribute>
                </saml2:AttributeStatement>
              </saml2:Assertion>
            </saml2p:Response>
            """;
    }

    /// <summary>
    /// An IDP response saying the citizen cancelled: Responder / NoAuthnContext with Verify's
    /// <c>&lt;StatusValue&gt;authn-cancel&lt;/StatusValue&gt;</c> detail, no assertions.
    /// </summary>
    public static XmlDocument IdpCancelResponse(
        string responseId = "_response-0002",
        string inResponseTo = "_request-0001",
        DateTimeOffset? issueInstant = null) =>
        SecureXml.Load($"""
            <saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" Destination="{HubAcsUrl}" ID="{responseId}" InResponseTo="{inResponseTo}" IssueInstant="{Time(issueInstant ?? DefaultInstant)}" Version="2.0">
              <saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{IdpEntityId}</saml2:Issuer>
              <saml2p:Status>
                <saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder">
                  <saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext"/>
                </saml2p:StatusCode>
                <saml2p:StatusMessage>Authentication cancelled</saml2p:StatusMessage>
                <saml2p:StatusDetail>
                  <StatusValue>authn-cancel</StatusValue>
                </saml2p:StatusDetail>
              </saml2p:Status>
            </saml2p:Response>
            """);

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
