using System.Xml;

using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Validation;

/// <summary>
/// "Break one thing" for an RP's AuthnRequest to the hub: start from a valid request signed with the RP's registered
/// key, change one thing, expect one specific error (and nothing recorded in the replay cache).
/// </summary>
public sealed class AuthnRequestValidatorTests
{
    private const string Rp = "https://rp.test";
    private const string Sso = "https://hub.test/SAML2/SSO";
    private const string Acs = "https://rp.test/SAML2/ACS";
    private const string OtherAcs = "https://rp.test/SAML2/ACS/other";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> OneThingBroken()
    {
        static TestCaseData Case(string name, SamlErrorCode code, Func<AuthnRequest, AuthnRequest> mutate, string signer = "test-rp-signing") =>
            new TestCaseData(mutate, signer, code).SetName("ValidatePost_Refuses_" + name);

        yield return Case("SignedByAnotherKey", SamlErrorCode.SignatureNoTrustedKey, r => r, "stub-idp-signing");
        yield return Case("UnknownIssuer", SamlErrorCode.ProtocolIssuerUnknown, r => r with { Issuer = Issuer.Entity("https://unknown.test") });
        yield return Case("NoIssuer", SamlErrorCode.MessageMissingElement, r => r with { Issuer = null });
        yield return Case("WrongDestination", SamlErrorCode.ProtocolDestinationMismatch, r => r with { Destination = "https://other-hub.test/SAML2/SSO" });
        yield return Case("NoDestination", SamlErrorCode.ProtocolDestinationMismatch, r => r with { Destination = null });
        yield return Case("Expired", SamlErrorCode.ProtocolExpired, r => r with { IssueInstant = Now.AddMinutes(-7) });
        yield return Case("FromTheFuture", SamlErrorCode.ProtocolNotYetValid, r => r with { IssueInstant = Now.AddMinutes(3) });
        yield return Case("AcsUrlNotRegistered", SamlErrorCode.ProtocolAcsNotRegistered, r => r with { AssertionConsumerServiceUrl = "https://evil.test/acs" });
        yield return Case("AcsIndexNotRegistered", SamlErrorCode.ProtocolAcsNotRegistered, r => r with { AssertionConsumerServiceIndex = 7 });
        yield return Case("ArtifactBinding", SamlErrorCode.ProtocolBindingNotSupported,
            r => r with { ProtocolBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" });
        yield return Case("Passive", SamlErrorCode.ProtocolRequestNotSupported, r => r with { IsPassive = true });
        yield return Case("TransientNameId", SamlErrorCode.ProtocolRequestNotSupported,
            r => r with { NameIdPolicy = new NameIdPolicy { Format = NameIdFormats.Transient } });
    }

    [TestCaseSource(nameof(OneThingBroken))]
    public void ValidatePost_RefusesOneThingBroken(Func<AuthnRequest, AuthnRequest> mutate, string signer, SamlErrorCode expected)
    {
        var (validator, replay) = Validator();
        var message = Post(Sign(mutate(Request()), signer));

        var error = Assert.ThrowsAsync<SamlException>(() => validator.ValidatePostAsync(message, Sso, Find));

        Assert.That(error!.Code, Is.EqualTo(expected));
        Assert.That(replay.Count, Is.Zero, "a refused request is not remembered");
    }

    [Test]
    public async Task ValidatePost_AcceptsSignedRequest_AndAnswersAtTheDefaultAcs()
    {
        var (validator, _) = Validator();

        var valid = await validator.ValidatePostAsync(Post(Sign(Request(), "test-rp-signing"), "state-1"), Sso, Find);

        Assert.Multiple(() =>
        {
            Assert.That(valid.Value.Issuer, Is.EqualTo(Rp));
            Assert.That(valid.Value.AssertionConsumerServiceUrl, Is.EqualTo(Acs));
            Assert.That(valid.Value.RelayState, Is.EqualTo("state-1"));
        });
    }

    [TestCase(null, 1, OtherAcs)]
    [TestCase(OtherAcs, null, OtherAcs)]
    public async Task ValidatePost_ChoosesTheRegisteredAcsTheRequestNames(string? url, int? index, string expected)
    {
        var (validator, _) = Validator();
        var request = Request() with { AssertionConsumerServiceUrl = url, AssertionConsumerServiceIndex = index };

        var valid = await validator.ValidatePostAsync(Post(Sign(request, "test-rp-signing")), Sso, Find);

        Assert.That(valid.Value.AssertionConsumerServiceUrl, Is.EqualTo(expected));
    }

    [Test]
    public void ValidatePost_RefusesUnsignedRequest()
    {
        var (validator, _) = Validator();
        var message = Post(SamlXmlWriter.WriteAuthnRequest(Request()));

        var error = Assert.ThrowsAsync<SamlException>(() => validator.ValidatePostAsync(message, Sso, Find));

        Assert.That(error!.Code, Is.EqualTo(SamlErrorCode.SignatureMissing));
    }

    [Test]
    public async Task ValidatePost_RefusesReplayedRequestId()
    {
        var (validator, _) = Validator();
        var document = Sign(Request(), "test-rp-signing");
        await validator.ValidatePostAsync(Post(document), Sso, Find);

        var error = Assert.ThrowsAsync<SamlException>(() => validator.ValidatePostAsync(Post(document), Sso, Find));

        Assert.That(error!.Code, Is.EqualTo(SamlErrorCode.ProtocolReplayed));
    }

    [Test]
    public void ValidatePost_RefusesAResponseSentToTheRequestEndpoint()
    {
        var (validator, _) = Validator();
        var response = SamlXmlWriter.WriteResponse(new Response { Id = SamlIds.NewId(), IssueInstant = Now, Status = Status.Success });
        var message = PostBinding.Decode(SamlMessageKind.Response, PostBinding.Encode(response), null);

        var error = Assert.ThrowsAsync<SamlException>(() => validator.ValidatePostAsync(message, Sso, Find));

        Assert.That(error!.Code, Is.EqualTo(SamlErrorCode.BindingMessageTypeMismatch));
    }

    [Test]
    public async Task ValidateRedirect_AcceptsQuerySignature_AndRefusesAnotherKeys()
    {
        var (validator, _) = Validator();
        var url = RedirectBinding.Encode(SamlXmlWriter.WriteAuthnRequest(Request()), Sso, "rs", SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("test-rp-signing")));
        var forged = RedirectBinding.Encode(SamlXmlWriter.WriteAuthnRequest(Request()), Sso, "rs", SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing")));

        var valid = await validator.ValidateRedirectAsync(RedirectBinding.Decode(new Uri(url).Query.TrimStart('?')), Sso, Find);
        var error = Assert.ThrowsAsync<SamlException>(() => validator.ValidateRedirectAsync(RedirectBinding.Decode(new Uri(forged).Query.TrimStart('?')), Sso, Find));

        Assert.That(valid.Value.RelayState, Is.EqualTo("rs"));
        Assert.That(error!.Code, Is.EqualTo(SamlErrorCode.BindingSignatureInvalid).Or.EqualTo(SamlErrorCode.SignatureNoTrustedKey));
    }

    [Test]
    public void ValidateRedirect_RefusesUnsignedQuery()
    {
        var (validator, _) = Validator();
        var url = RedirectBinding.Encode(SamlXmlWriter.WriteAuthnRequest(Request()), Sso, null, null);

        var error = Assert.ThrowsAsync<SamlException>(() => validator.ValidateRedirectAsync(RedirectBinding.Decode(new Uri(url).Query.TrimStart('?')), Sso, Find));

        Assert.That(error!.Code, Is.EqualTo(SamlErrorCode.BindingSignatureMissing));
    }

    private static AuthnRequestSender? Find(string issuer) => issuer == Rp
        ? new AuthnRequestSender(Rp, TrustedKeySet.For(Rp, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("test-rp-signing"))),
            [
                new() { Binding = SamlBindings.HttpPost, Location = Acs, Index = 0, IsDefault = true },
                new() { Binding = SamlBindings.HttpPost, Location = OtherAcs, Index = 1 },
            ])
        : null;

    private static AuthnRequest Request() => new()
    {
        Id = SamlIds.NewId(),
        IssueInstant = Now,
        Destination = Sso,
        Issuer = Issuer.Entity(Rp),
        NameIdPolicy = new NameIdPolicy { Format = NameIdFormats.Persistent, AllowCreate = true },
    };

    private static XmlDocument Sign(AuthnRequest request, string signer)
    {
        var document = SamlXmlWriter.WriteAuthnRequest(request);
        XmlSigner.Sign(document.DocumentElement!, SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(signer)));
        return document;
    }

    private static PostMessage Post(XmlDocument document, string? relayState = null) =>
        PostBinding.Decode(SamlMessageKind.Request, PostBinding.Encode(document), relayState);

    private static (AuthnRequestValidator Validator, InMemoryReplayCache Replay) Validator()
    {
        var replay = new InMemoryReplayCache(new FakeTimeProvider(Now));
        return (new AuthnRequestValidator(new SamlValidationOptions(), replay, new FakeTimeProvider(Now)), replay);
    }
}
