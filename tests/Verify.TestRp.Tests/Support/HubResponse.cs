using System.Security.Cryptography.X509Certificates;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.TestRp.Tests.Support;

/// <summary>
/// The test acting as the hub: a Response as the hub sends a hub-asserted RP (ARCHITECTURE.md step 5), valid by
/// default. A "break one thing" test changes one property with <c>with</c>.
/// </summary>
public sealed record HubResponse
{
    public const string PairwiseId = "7c3b9e1f0a4d2c8b6e5f1a3d9c7b2e4f6a8d0c1b3e5f7a9c2d4e6f8a0b1c3d5e";

    /// <summary>The attributes the hub asserts (HubAttributeNames), one of each.</summary>
    public static IReadOnlyList<SamlAttribute> SampleAttributes { get; } =
    [
        Attribute(HubAttributeNames.GivenName, "Jane"),
        Attribute(HubAttributeNames.MiddleNames, "Anne Marie"),
        Attribute(HubAttributeNames.Surname, "Doe"),
        Attribute(HubAttributeNames.DateOfBirth, "1980-05-17"),
        Attribute(HubAttributeNames.Gender, "Female"),
        Attribute(HubAttributeNames.PostalAddress, "1 Test Street$Flat \\24 2$Testtown"),
        Attribute(HubAttributeNames.PostalCode, "TE1 1ST"),
    ];

    /// <summary>The ID of the AuthnRequest this answers.</summary>
    public required string InResponseTo { get; init; }

    /// <summary>The RP's ACS URL (Destination and Recipient unless overridden).</summary>
    public required string AcsUrl { get; init; }

    public required DateTimeOffset Now { get; init; }

    public string Issuer { get; init; } = TestRpServer.HubEntityId;

    public string? AssertionIssuer { get; init; }

    public string Audience { get; init; } = TestRpOptions.DefaultEntityId;

    public string? Destination { get; init; }

    public string? Recipient { get; init; }

    public string? SubjectInResponseTo { get; init; }

    public string Level { get; init; } = AuthnContexts.Level2;

    public NameId NameId { get; init; } = NameId.Persistent(PairwiseId);

    public IReadOnlyList<SamlAttribute> Attributes { get; init; } = SampleAttributes;

    public Status Status { get; init; } = Status.Success;

    /// <summary>Whose key signs the Response and the assertion.</summary>
    public X509Certificate2 Signer { get; init; } = SampleCerts.CertificateWithKey("hub-signing");

    /// <summary>Whose key the assertion is encrypted for.</summary>
    public X509Certificate2 EncryptFor { get; init; } = SampleCerts.Certificate("test-rp-encryption");

    /// <summary>A failure Response with this status (no assertion).</summary>
    public static Status Failure(string topLevel, string? secondLevel, string? message) => new()
    {
        StatusCode = new StatusCode(topLevel, secondLevel is null ? null : new StatusCode(secondLevel)),
        StatusMessage = message,
    };

    /// <summary>The Response: assertion signed, then encrypted, then the Response signed (INTEROP.md).</summary>
    public XmlDocument Compose()
    {
        var response = new Response
        {
            Id = SamlIds.NewId(),
            IssueInstant = Now,
            Destination = Destination ?? AcsUrl,
            InResponseTo = InResponseTo,
            Issuer = Saml.Saml.Issuer.Entity(Issuer),
            Status = Status,
        };
        using var signer = SigningCredential.FromCertificate(Signer);
        if (!Status.IsSuccess)
        {
            return SignedResponseComposer.Compose(response, [], signer, null);
        }

        using var recipient = EncryptionRecipient.FromCertificate(EncryptFor);
        return SignedResponseComposer.Compose(response, [Assertion()], signer, recipient);
    }

    /// <summary>The Response as the SAMLResponse form value.</summary>
    public string Encode() => PostBinding.Encode(Compose());

    private Assertion Assertion() => new()
    {
        Id = SamlIds.NewId(),
        IssueInstant = Now,
        Issuer = Saml.Saml.Issuer.Entity(AssertionIssuer ?? Issuer),
        Subject = new Subject
        {
            NameId = NameId,
            SubjectConfirmations =
            [
                new SubjectConfirmation
                {
                    Method = SubjectConfirmationMethods.Bearer,
                    Data = new SubjectConfirmationData
                    {
                        Recipient = Recipient ?? AcsUrl,
                        InResponseTo = SubjectInResponseTo ?? InResponseTo,
                        NotOnOrAfter = Now.AddMinutes(5),
                    },
                },
            ],
        },
        Conditions = new Conditions
        {
            NotBefore = Now.AddMinutes(-1),
            NotOnOrAfter = Now.AddMinutes(60),
            AudienceRestrictions = [[Audience]],
        },
        AuthnStatements = [new AuthnStatement { AuthnInstant = Now.AddMinutes(-2), AuthnContextClassRef = Level }],
        AttributeStatements = Attributes.Count == 0 ? [] : [new AttributeStatement { Attributes = Attributes }],
    };

    private static SamlAttribute Attribute(string name, string value) => new()
    {
        Name = name,
        NameFormat = AttributeNameFormats.Uri,
        FriendlyName = HubAttributeNames.FriendlyNames[name],
        Values = [new StringValue(value)],
    };
}
