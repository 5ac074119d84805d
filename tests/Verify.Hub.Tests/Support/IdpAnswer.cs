using System.Xml;

using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.Hub.Tests.Support;

/// <summary>
/// An IDP's Response to the hub in Verify's two-assertion shape, each part settable so a test can break one thing.
/// Defaults: a valid LEVEL_2 success from <see cref="TestDirectory.IdpOne"/> answering the hub's request.
/// </summary>
public sealed record IdpAnswer
{
    public required string InResponseTo { get; init; }

    public required string HubAcs { get; init; }

    public required DateTimeOffset Now { get; init; }

    public string Issuer { get; init; } = TestDirectory.IdpOne;

    public string? AssertionIssuer { get; init; }

    public string SigningKey { get; init; } = "stub-idp-signing";

    public string? Destination { get; init; }

    public string? Recipient { get; init; }

    public string? SubjectInResponseTo { get; init; }

    public string Audience { get; init; } = HubHarness.HubEntityId;

    public string EncryptFor { get; init; } = "hub-encryption";

    public string Level { get; init; } = AuthnContexts.Level2;

    public Status Status { get; init; } = Status.Success;

    public bool IncludeMatchingDataset { get; init; } = true;

    public bool IncludeFraudIndicators { get; init; }

    public string Pid { get; init; } = "pid-jane-0001";

    public string? ResponseId { get; init; }

    /// <summary>The matching dataset's attributes; Jane Anne Citizen's (see <see cref="JaneCitizen"/>) when null.</summary>
    public IReadOnlyList<SamlAttribute>? DatasetAttributes { get; init; }

    public TimeSpan Age { get; init; } = TimeSpan.Zero;

    public XmlDocument Build()
    {
        var issued = Now - Age;
        var response = new Response
        {
            Id = ResponseId ?? SamlIds.NewId(),
            IssueInstant = issued,
            Destination = Destination ?? HubAcs,
            Issuer = Verify.Saml.Saml.Issuer.Entity(Issuer),
            InResponseTo = InResponseTo,
            Status = Status,
        };
        using var hub = EncryptionRecipient.FromCertificate(SampleCerts.Certificate(EncryptFor));
        var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(SigningKey));
        if (!Status.IsSuccess)
        {
            return SignedResponseComposer.Compose(response, [], signer, null);
        }

        var authnAttributes = new List<SamlAttribute> { new() { Name = VerifyAttributeNames.IpAddress, Values = [new IpAddressValue("203.0.113.9")] } };
        if (IncludeFraudIndicators)
        {
            authnAttributes.Add(new() { Name = VerifyAttributeNames.FraudEventId, Values = [new FraudEventIdValue("fraud-1")] });
            authnAttributes.Add(new() { Name = VerifyAttributeNames.Gpg45Status, Values = [new Gpg45StatusValue(Gpg45Status.DF01)] });
        }

        var assertions = new List<Assertion>
        {
            Assertion(issued) with
            {
                AuthnStatements = [new AuthnStatement { AuthnInstant = issued, AuthnContextClassRef = Level }],
                AttributeStatements = [new AttributeStatement { Attributes = authnAttributes }],
            },
        };
        if (IncludeMatchingDataset)
        {
            assertions.Add(Assertion(issued) with { AttributeStatements = [new AttributeStatement { Attributes = DatasetAttributes ?? JaneCitizen() }] });
        }

        return SignedResponseComposer.Compose(response, assertions, signer, hub);
    }

    private Assertion Assertion(DateTimeOffset issued) => new()
    {
        Id = SamlIds.NewId(),
        IssueInstant = issued,
        Issuer = Verify.Saml.Saml.Issuer.Entity(AssertionIssuer ?? Issuer),
        Subject = new Subject
        {
            NameId = NameId.Persistent(Pid),
            SubjectConfirmations =
            [
                new SubjectConfirmation
                {
                    Method = SubjectConfirmationMethods.Bearer,
                    Data = new SubjectConfirmationData
                    {
                        NotOnOrAfter = issued.AddMinutes(5),
                        Recipient = Recipient ?? HubAcs,
                        InResponseTo = SubjectInResponseTo ?? InResponseTo,
                    },
                },
            ],
        },
        Conditions = new Conditions { NotBefore = issued.AddSeconds(-30), NotOnOrAfter = issued.AddMinutes(60), AudienceRestrictions = [[Audience]] },
    };

    /// <summary>Jane Anne Citizen, born 29 February 1984, of 1 Test Street, Testville TE1 1ST: every value verified.</summary>
    public static List<SamlAttribute> JaneCitizen()
    {
        var since = new DateOnly(2010, 1, 1);
        return
        [
            new() { Name = VerifyAttributeNames.FirstName, Values = [new PersonNameValue { Value = "Jane", Verified = true, From = since }] },
            new() { Name = VerifyAttributeNames.MiddleName, Values = [new PersonNameValue { Value = "Anne", Verified = true, From = since }] },
            new() { Name = VerifyAttributeNames.Surname, Values = [new PersonNameValue { Value = "Citizen", Verified = true, From = since }] },
            new() { Name = VerifyAttributeNames.Gender, Values = [new GenderValue { Value = Gender.Female, Verified = true }] },
            new() { Name = VerifyAttributeNames.DateOfBirth, Values = [new DateValue { Value = new DateOnly(1984, 2, 29), Verified = true }] },
            new()
            {
                Name = VerifyAttributeNames.CurrentAddress,
                Values = [new AddressValue { Lines = ["1 Test Street", "Testville"], PostCode = "TE1 1ST", Verified = true, From = since }],
            },
        ];
    }
}
