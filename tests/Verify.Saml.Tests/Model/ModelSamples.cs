using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Model;

/// <summary>Fully populated model objects, one per message kind, for round-trip tests.</summary>
internal static class ModelSamples
{
    public static readonly DateTimeOffset Instant = new(2025, 3, 14, 10, 30, 0, 123, TimeSpan.Zero);

    public static Issuer IdpIssuer => new() { Value = "https://idp.verify.test", Format = NameIdFormats.Entity };

    public static Issuer HubIssuer => Issuer.Entity("https://hub.verify.test");

    public static MatchingDataset Mds => new()
    {
        FirstNames = [new PersonNameValue { Value = "Joanna", Language = "en-GB", From = new DateOnly(1980, 5, 24), Verified = true }],
        MiddleNames = [new PersonNameValue { Value = "Catherine", Verified = true }],
        Surnames =
        [
            new PersonNameValue { Value = "Ahmed-Jones", From = new DateOnly(2009, 8, 15), Verified = true },
            new PersonNameValue { Value = "Jones", From = new DateOnly(1980, 5, 24), To = new DateOnly(2009, 8, 14), Verified = true },
        ],
        Genders = [new GenderValue { Value = Gender.NotSpecified }],
        DatesOfBirth = [new DateValue { Value = new DateOnly(1980, 5, 24), Verified = true }],
        CurrentAddresses =
        [
            new AddressValue
            {
                Lines = ["Flat 4", "27 Acacia Avenue", "Bristol"],
                PostCode = "BS1 4DJ",
                Uprn = "100120998877",
                From = new DateOnly(2016, 2, 1),
                Verified = true,
            },
        ],
        PreviousAddresses =
        [
            new AddressValue
            {
                Lines = ["Calle Mayor 5", "Madrid"],
                InternationalPostCode = "28013",
                From = new DateOnly(2005, 9, 1),
                To = new DateOnly(2009, 8, 14),
            },
        ],
    };

    public static Assertion AuthnAssertion(string id = "_authn") => new()
    {
        Id = id,
        IssueInstant = Instant,
        Issuer = IdpIssuer,
        Subject = BearerSubject(),
        Conditions = new Conditions
        {
            NotBefore = Instant,
            NotOnOrAfter = Instant.AddHours(1),
            AudienceRestrictions = [["https://hub.verify.test"], ["https://hub.verify.test", "https://other.verify.test"]],
            OneTimeUse = true,
        },
        AuthnStatements =
        [
            new AuthnStatement
            {
                AuthnInstant = Instant.AddMinutes(-2),
                SessionIndex = "_session",
                SessionNotOnOrAfter = Instant.AddHours(8),
                SubjectLocality = new SubjectLocality { Address = "203.0.113.42", DnsName = "client.example" },
                AuthnContextClassRef = AuthnContexts.Level2,
                AuthenticatingAuthorities = ["https://idp.verify.test"],
            },
        ],
        AttributeStatements =
        [
            new AttributeStatement
            {
                Attributes =
                [
                    new SamlAttribute { Name = VerifyAttributeNames.IpAddress, Values = [new IpAddressValue("203.0.113.42")] },
                    new SamlAttribute { Name = VerifyAttributeNames.FraudEventId, Values = [new FraudEventIdValue("fraud-123")] },
                    new SamlAttribute { Name = VerifyAttributeNames.Gpg45Status, Values = [new Gpg45StatusValue(Gpg45Status.IT01)] },
                    SamlAttribute.OfString("email", "citizen@example.gov.uk"),
                    new SamlAttribute { Name = "empty", NameFormat = AttributeNameFormats.Uri, FriendlyName = "Nothing" },
                ],
            },
        ],
    };

    public static Assertion MdsAssertion(string id = "_mds") => new()
    {
        Id = id,
        IssueInstant = Instant,
        Issuer = IdpIssuer,
        Subject = BearerSubject(),
        Conditions = new Conditions { AudienceRestrictions = [["https://hub.verify.test"]] },
        AttributeStatements = [new AttributeStatement { Attributes = Mds.ToAttributes() }],
    };

    public static Subject BearerSubject() => new()
    {
        NameId = NameId.Persistent("pid-1234"),
        SubjectConfirmations =
        [
            new SubjectConfirmation
            {
                Method = SubjectConfirmationMethods.Bearer,
                Data = new SubjectConfirmationData
                {
                    NotBefore = Instant,
                    NotOnOrAfter = Instant.AddMinutes(5),
                    Recipient = "https://hub.verify.test/acs",
                    InResponseTo = "_request",
                    Address = "203.0.113.42",
                },
            },
        ],
    };

    public static Response Response() => new()
    {
        Id = "_response",
        InResponseTo = "_request",
        IssueInstant = Instant,
        Destination = "https://hub.verify.test/acs",
        Issuer = IdpIssuer,
        Status = Status.Success,
        Assertions = [AuthnAssertion(), MdsAssertion()],
        EncryptedAssertions = [EncryptedAssertionElement()],
    };

    public static Response ErrorResponse() => new()
    {
        Id = "_error",
        IssueInstant = Instant,
        Issuer = IdpIssuer,
        Extensions = [Element("<ext:Trace xmlns:ext=\"urn:example:ext\">t-1</ext:Trace>")],
        Status = new Status
        {
            StatusCode = new StatusCode(StatusCodes.Responder, new StatusCode(StatusCodes.NoAuthnContext, new StatusCode("urn:example:third"))),
            StatusMessage = "Cancelled",
            DetailValues = [StatusDetailValues.AuthnCancel],
            DetailElements = [Element("<ext:Why xmlns:ext=\"urn:example:ext\">because</ext:Why>")],
        },
    };

    public static AuthnRequest AuthnRequest() => new()
    {
        Id = "_request",
        IssueInstant = Instant,
        Destination = "https://idp.verify.test/sso",
        Issuer = HubIssuer,
        Extensions = [Element("<ext:Hint xmlns:ext=\"urn:example:ext\" level=\"2\"/>")],
        NameIdPolicy = new NameIdPolicy { Format = NameIdFormats.Persistent, SPNameQualifier = "https://hub.verify.test", AllowCreate = true },
        RequestedAuthnContext = new RequestedAuthnContext
        {
            Comparison = AuthnContextComparison.Minimum,
            AuthnContextClassRefs = [AuthnContexts.Level1, AuthnContexts.Level2],
        },
        ForceAuthn = true,
        IsPassive = true,
        AssertionConsumerServiceUrl = "https://hub.verify.test/acs",
        ProtocolBinding = SamlBindings.HttpPost,
        AttributeConsumingServiceIndex = 3,
        ProviderName = "GOV.UK Verify hub",
    };

    public static AttributeQuery AttributeQuery() => new()
    {
        Id = "_query",
        IssueInstant = Instant,
        Destination = "https://msa.dept.test/matching",
        Issuer = HubIssuer,
        Subject = new Subject
        {
            NameId = NameId.Persistent("pid-1234"),
            SubjectConfirmations =
            [
                new SubjectConfirmation
                {
                    Method = SubjectConfirmationMethods.SenderVouches,
                    Data = new SubjectConfirmationData
                    {
                        NotOnOrAfter = Instant.AddMinutes(5),
                        InResponseTo = "_request",
                        Content = [EncryptedAssertionElement(), EncryptedAssertionElement()],
                    },
                },
            ],
        },
        Attributes =
        [
            new SamlAttribute { Name = "cycle_3", NameFormat = AttributeNameFormats.Basic },
            SamlAttribute.OfString("NationalInsuranceNumber", "QQ123456C"),
        ],
    };

    public static LogoutRequest LogoutRequest() => new()
    {
        Id = "_logout",
        IssueInstant = Instant,
        Destination = "https://idp.verify.test/slo",
        Issuer = HubIssuer,
        NameId = new NameId { Value = "pid-1234", Format = NameIdFormats.Persistent, NameQualifier = "idp", SPNameQualifier = "hub", SPProvidedId = "sp-1" },
        SessionIndexes = ["_s1", "_s2"],
        Reason = "urn:oasis:names:tc:SAML:2.0:logout:user",
        NotOnOrAfter = Instant.AddMinutes(5),
    };

    public static LogoutResponse LogoutResponse() => new()
    {
        Id = "_logout-response",
        InResponseTo = "_logout",
        IssueInstant = Instant,
        Destination = "https://hub.verify.test/slo",
        Issuer = IdpIssuer,
        Status = Status.Of(StatusCodes.Responder, StatusCodes.PartialLogout),
    };

    public static XmlElement EncryptedAssertionElement() => Element(
        "<saml:EncryptedAssertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
        + "<xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\" Type=\"http://www.w3.org/2001/04/xmlenc#Element\">"
        + "<xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>"
        + "</saml:EncryptedAssertion>");

    public static XmlElement Element(string xml) => SecureXml.Load(xml).DocumentElement!;
}
