using System.Xml;

using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;
using Verify.TestRp.Protocol;
using Verify.TestRp.RequestState;
using Verify.TestRp.Tests.Support;

namespace Verify.TestRp.Tests;

/// <summary>
/// An end-to-end registration (ADR 0018, ADR 0020) accepts only its matching service's own assertion, relayed by the
/// hub: a valid one first, then "break one thing".
/// </summary>
public sealed class EndToEndResponseConsumerTests
{
    private const string MatchingServiceId = "https://ms.test/matching-service";
    private const string EntityId = "https://rp.test/matching-end-to-end";
    private const string AcsUrl = "https://rp.test/SAML2/ACS";
    private const string HashedPid = "4f1c2a9e0b7d3c6a5e8f1b2d4c6a8e0f2b4d6c8a0e2f4b6d8c0a2e4f6b8d0c2a";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PendingRequest _pending = new("_request-1", "relay-1", DateTimeOffset.UtcNow, "end-to-end");

    [Test]
    public async Task TheMatchingServicesAssertion_RelayedByTheHub_IsAccepted()
    {
        using var consumer = Consumer();

        var result = await consumer.ConsumeAsync(Message(Relayed()), _pending, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Identity?.PairwiseId, Is.EqualTo(HashedPid));
            Assert.That(result.Identity?.AssertedBy, Is.EqualTo(MatchingServiceId));
            Assert.That(result.Identity?.ServiceEntityId, Is.EqualTo(EntityId));
            Assert.That(result.Identity?.LevelName, Is.EqualTo("LEVEL_2"));
        }
    }

    [Test]
    public void AnAssertionTheHubSigned_IsRefused_TheHubCannotForgeWhoMatched()
    {
        using var consumer = Consumer();

        var refused = Assert.ThrowsAsync<SamlException>(() => consumer.ConsumeAsync(Message(Relayed(assertionSigner: "hub-signing")), _pending, CancellationToken.None));

        Assert.That(refused!.Code, Is.EqualTo(SamlErrorCode.SignatureNoTrustedKey));
    }

    [Test]
    public void AResponseTheHubDidNotSign_IsRefused()
    {
        using var consumer = Consumer();

        var refused = Assert.ThrowsAsync<SamlException>(() => consumer.ConsumeAsync(Message(Relayed(responseSigner: "matching-service-signing")), _pending, CancellationToken.None));

        Assert.That(refused!.Code, Is.EqualTo(SamlErrorCode.SignatureNoTrustedKey));
    }

    [Test]
    public void AnAssertionForAnotherService_IsRefused()
    {
        using var consumer = Consumer();

        var refused = Assert.ThrowsAsync<SamlException>(() => consumer.ConsumeAsync(Message(Relayed(audience: "https://rp.test/matching")), _pending, CancellationToken.None));

        Assert.That(refused!.Code, Is.EqualTo(SamlErrorCode.ProtocolAudienceMismatch));
    }

    [Test]
    public void AnAssertionConfirmedForAnotherRequest_IsRefused()
    {
        using var consumer = Consumer();

        var refused = Assert.ThrowsAsync<SamlException>(() => consumer.ConsumeAsync(Message(Relayed(subjectInResponseTo: "_another")), _pending, CancellationToken.None));

        Assert.That(refused!.Code, Is.EqualTo(SamlErrorCode.ProtocolBearerConfirmationMissing));
    }

    [Test]
    public async Task TheSameResponseTwice_IsRefusedTheSecondTime()
    {
        using var consumer = Consumer();
        var document = Relayed();
        await consumer.ConsumeAsync(Message(document), _pending, CancellationToken.None);

        var refused = Assert.ThrowsAsync<SamlException>(() => consumer.ConsumeAsync(Message(document), _pending, CancellationToken.None));

        Assert.That(refused!.Code, Is.EqualTo(SamlErrorCode.ProtocolReplayed));
    }

    private EndToEndResponseConsumer Consumer()
    {
        var service = new TestRpService
        {
            Key = "end-to-end",
            EntityId = EntityId,
            DisplayName = "End to end",
            MatchingServiceEntityId = MatchingServiceId,
            MatchingServiceSigningCertificates = [SampleCerts.Certificate("matching-service-signing")],
        };
        var options = TestRpServer.SampleOptions(_clock);
        return new EndToEndResponseConsumer(options, service, AcsUrl);
    }

    private PostMessage Message(XmlDocument response) => PostBinding.Decode(new Dictionary<string, string>
    {
        ["SAMLResponse"] = PostBinding.Encode(response),
        ["RelayState"] = _pending.RelayState,
    });

    /// <summary>As the hub relays it: the matching service's signed assertion, encrypted for the RP; the Response signed by the hub.</summary>
    private XmlDocument Relayed(
        string assertionSigner = "matching-service-signing", string responseSigner = "hub-signing", string audience = EntityId, string? subjectInResponseTo = null)
    {
        var now = _clock.GetUtcNow();
        var assertion = SamlXmlWriter.WriteAssertion(new Assertion
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Issuer = Issuer.Entity(MatchingServiceId),
            Subject = new Subject
            {
                NameId = NameId.Persistent(HashedPid),
                SubjectConfirmations =
                [
                    new SubjectConfirmation
                    {
                        Method = SubjectConfirmationMethods.Bearer,
                        Data = new SubjectConfirmationData { Recipient = AcsUrl, InResponseTo = subjectInResponseTo ?? _pending.RequestId, NotOnOrAfter = now.AddMinutes(60) },
                    },
                ],
            },
            Conditions = new Conditions { NotBefore = now, NotOnOrAfter = now.AddMinutes(60), AudienceRestrictions = [[audience, "https://hub.test"]] },
            AuthnStatements = [new AuthnStatement { AuthnInstant = now, AuthnContextClassRef = AuthnContexts.Level2 }],
        });
        using (var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(assertionSigner)))
        {
            XmlSigner.Sign(assertion.DocumentElement!, signer);
        }

        var response = new Response
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Destination = AcsUrl,
            InResponseTo = _pending.RequestId,
            Issuer = Issuer.Entity(TestRpServer.HubEntityId),
            Status = Status.Success,
        };
        using var hub = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(responseSigner));
        using var recipient = EncryptionRecipient.FromCertificate(SampleCerts.Certificate("test-rp-encryption"));
        return SignedResponseComposer.ComposeRelayed(response, [assertion.DocumentElement!], hub, recipient);
    }
}
