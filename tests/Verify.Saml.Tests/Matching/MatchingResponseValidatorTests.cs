using System.Xml;

using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.Saml.Tests.Matching;

/// <summary>
/// The hub's check of a matching service's answer: break one thing of a valid match answer, expect one refusal
/// (STYLE.md "Tests"), and every status of Verify's vocabulary read as its outcome.
/// </summary>
public sealed class MatchingResponseValidatorTests
{
    private const string QueryId = "_query-1";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string HashedPid = Saml.HashedPid.Compute(MatchingSamples.IdpEntityId, MatchingSamples.MatchingServiceEntityId, MatchingSamples.Pid, AssuranceLevels.Level2);

    [Test]
    public async Task Match_IsValid_WithTheVerifiedAssertionForRelaying()
    {
        var answer = await ValidateAsync(Answer());

        Assert.Multiple(() =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.Match));
            Assert.That(answer.HashedPid, Is.EqualTo(HashedPid));
            Assert.That(answer.Assertion!.Source!.LocalName, Is.EqualTo("Assertion"));
        });
    }

    [TestCase(StatusCodes.Responder, StatusCodes.NoMatch, MatchingServiceOutcome.NoMatch)]
    [TestCase(StatusCodes.Success, StatusCodes.Healthy, MatchingServiceOutcome.Healthy)]
    [TestCase(StatusCodes.Responder, StatusCodes.CreateFailure, MatchingServiceOutcome.AccountCreationFailed)]
    [TestCase(StatusCodes.Requester, null, MatchingServiceOutcome.RequesterError)]
    [TestCase(StatusCodes.Responder, null, MatchingServiceOutcome.ResponderError)]
    public async Task StatusWithoutAssertion_IsReadAsItsOutcome(string topLevel, string? secondLevel, MatchingServiceOutcome expected)
    {
        var answer = await ValidateAsync(Answer(status: Status.Of(topLevel, secondLevel), withAssertion: false));

        Assert.That(answer.Outcome, Is.EqualTo(expected));
    }

    public static IEnumerable<TestCaseData> Breaks()
    {
        yield return new TestCaseData("answer to another query", SamlErrorCode.ProtocolInResponseToMismatch);
        yield return new TestCaseData("signed by another party", SamlErrorCode.SignatureNoTrustedKey);
        yield return new TestCaseData("issued by another matching service", SamlErrorCode.ProtocolIssuerMismatch);
        yield return new TestCaseData("about another citizen", SamlErrorCode.ProtocolSubjectMismatch);
        yield return new TestCaseData("for another RP", SamlErrorCode.ProtocolAudienceMismatch);
        yield return new TestCaseData("for another ACS", SamlErrorCode.ProtocolRecipientMismatch);
        yield return new TestCaseData("for another RP request", SamlErrorCode.ProtocolInResponseToMismatch);
        yield return new TestCaseData("success without a second-level code", SamlErrorCode.ProtocolStatusUnrecognised);
        yield return new TestCaseData("no-match carrying an assertion", SamlErrorCode.ProtocolAssertionShapeUnexpected);
        yield return new TestCaseData("match without an assertion", SamlErrorCode.ProtocolAssertionShapeUnexpected);
        yield return new TestCaseData("answer older than 5 minutes", SamlErrorCode.ProtocolExpired);
    }

    [TestCaseSource(nameof(Breaks))]
    public void BrokenAnswer_IsRefused(string broken, SamlErrorCode expected)
    {
        var response = broken switch
        {
            "answer to another query" => Answer(inResponseTo: "_another-query"),
            "signed by another party" => Answer(signer: "test-rp-signing"),
            "issued by another matching service" => Answer(issuer: "https://ms.test/another"),
            "about another citizen" => Answer(hashedPid: new string('0', 64)),
            "for another RP" => Answer(audience: "https://rp.test/another"),
            "for another ACS" => Answer(recipient: "https://rp.test/another/ACS"),
            "for another RP request" => Answer(authnRequestId: "_another-request"),
            "success without a second-level code" => Answer(status: Status.Success),
            "no-match carrying an assertion" => Answer(status: Status.Of(StatusCodes.Responder, StatusCodes.NoMatch)),
            "match without an assertion" => Answer(withAssertion: false),
            _ => Answer(issueInstant: Now.AddMinutes(-10)),
        };

        var refused = Assert.ThrowsAsync<SamlException>(() => ValidateAsync(response));

        Assert.That(refused!.Code, Is.EqualTo(expected));
    }

    [Test]
    public async Task ReplayedAnswer_IsRefused()
    {
        var cache = new InMemoryReplayCache(new FakeTimeProvider(Now));
        var xml = Answer().OuterXml;
        await ValidateAsync(Reparse(xml), cache);

        var refused = Assert.ThrowsAsync<SamlException>(() => ValidateAsync(Reparse(xml), cache));

        Assert.That(refused!.Code, Is.EqualTo(SamlErrorCode.ProtocolReplayed));
    }

    private static async Task<MatchingServiceAnswer> ValidateAsync(XmlElement response, IReplayCache? cache = null)
    {
        var clock = new FakeTimeProvider(Now);
        using var hubKey = DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("hub-encryption"));
        var validator = new MatchingResponseValidator(new SamlValidationOptions(), cache ?? new InMemoryReplayCache(clock), clock);
        var valid = await validator.ValidateAsync(response, new ExpectedMatchingResponse
        {
            MatchingServiceEntityId = MatchingSamples.MatchingServiceEntityId,
            MatchingServiceKeys = TrustedKeySet.For(MatchingSamples.MatchingServiceEntityId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("matching-service-signing"))),
            InResponseTo = QueryId,
            DecryptionKeys = [hubKey],
            RelyingPartyEntityId = MatchingSamples.RpEntityId,
            AssertionConsumerServiceUrl = MatchingSamples.RpAcsUrl,
            AuthnRequestId = MatchingSamples.AuthnRequestId,
            HashedPid = HashedPid,
        });
        return valid.Value;
    }

    private static XmlElement Reparse(string xml) => SecureXml.Load(xml).DocumentElement!;

    /// <summary>A matching service's match answer, as the matching service writes it, with one thing changed.</summary>
    private static XmlElement Answer(
        string inResponseTo = QueryId,
        string signer = "matching-service-signing",
        string issuer = MatchingSamples.MatchingServiceEntityId,
        string? hashedPid = null,
        string audience = MatchingSamples.RpEntityId,
        string recipient = MatchingSamples.RpAcsUrl,
        string authnRequestId = MatchingSamples.AuthnRequestId,
        Status? status = null,
        DateTimeOffset? issueInstant = null,
        bool withAssertion = true)
    {
        var now = issueInstant ?? Now;
        var response = new Response
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Issuer = Issuer.Entity(issuer),
            InResponseTo = inResponseTo,
            Status = status ?? Status.Of(StatusCodes.Success, StatusCodes.Match),
        };
        var assertion = new Assertion
        {
            Id = SamlIds.NewId(),
            IssueInstant = now,
            Issuer = Issuer.Entity(issuer),
            Subject = new Subject
            {
                NameId = NameId.Persistent(hashedPid ?? HashedPid),
                SubjectConfirmations =
                [
                    new SubjectConfirmation
                    {
                        Method = SubjectConfirmationMethods.Bearer,
                        Data = new SubjectConfirmationData { Recipient = recipient, InResponseTo = authnRequestId, NotOnOrAfter = now.AddMinutes(60) },
                    },
                ],
            },
            Conditions = new Conditions { NotBefore = now, NotOnOrAfter = now.AddMinutes(60), AudienceRestrictions = [[audience, MatchingSamples.HubEntityId]] },
            AuthnStatements = [new AuthnStatement { AuthnInstant = now, AuthnContextClassRef = AuthnContexts.Level2 }],
        };
        using var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(signer));
        using var hub = EncryptionRecipient.FromCertificate(SampleCerts.Certificate("hub-encryption"));
        return SignedResponseComposer.Compose(response, withAssertion ? [assertion] : [], credential, withAssertion ? hub : null).DocumentElement!;
    }
}
