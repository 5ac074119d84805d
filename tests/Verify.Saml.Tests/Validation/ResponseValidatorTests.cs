using System.Xml;

using Microsoft.Extensions.Time.Testing;

using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.Saml.Tests.Validation;

/// <summary>
/// "Break one thing": start from a valid, signed Verify IDP response, change one thing (and re-sign it
/// with the IDP's own key, so the rule under test is the one that fires), expect one specific error.
/// </summary>
public sealed class ResponseValidatorTests
{
    private const string S = SampleMessages.IdpEntityId;
    private static readonly DateTimeOffset Now = SampleMessages.DefaultInstant.AddSeconds(30);

    private static IEnumerable<TestCaseData> OneThingBroken()
    {
        static TestCaseData Case(string name, SamlErrorCode code, Func<string, string> mutate) =>
            new TestCaseData(mutate, code).SetName("Validate_Refuses_" + name);

        yield return Case("WrongDestination", SamlErrorCode.ProtocolDestinationMismatch,
            x => ReplaceFirst(x, $"Destination=\"{SampleMessages.HubAcsUrl}\"", "Destination=\"https://evil.test/acs\""));
        yield return Case("MissingDestination", SamlErrorCode.ProtocolDestinationMismatch,
            x => ReplaceFirst(x, $"Destination=\"{SampleMessages.HubAcsUrl}\" ", ""));
        yield return Case("WrongInResponseTo", SamlErrorCode.ProtocolInResponseToMismatch,
            x => ReplaceFirst(x, "InResponseTo=\"_request-0001\"", "InResponseTo=\"_request-other\""));
        yield return Case("UnsolicitedResponse", SamlErrorCode.ProtocolUnsolicitedResponse,
            x => ReplaceFirst(x, "InResponseTo=\"_request-0001\" ", ""));
        yield return Case("ResponseIssuerOfAnotherIdp", SamlErrorCode.ProtocolIssuerMismatch,
            x => ReplaceFirst(x, $">{S}<", ">https://other-idp.test<"));
        yield return Case("AssertionIssuerDiffersFromResponse", SamlErrorCode.ProtocolIssuerInconsistent,
            x => ReplaceNth(x, $">{S}<", ">https://other-idp.test<", 1));
        yield return Case("WrongAudience", SamlErrorCode.ProtocolAudienceMismatch,
            x => x.Replace($"<saml2:Audience>{SampleMessages.HubEntityId}<", "<saml2:Audience>https://rp.test<", StringComparison.Ordinal));
        yield return Case("WrongRecipient", SamlErrorCode.ProtocolRecipientMismatch,
            x => x.Replace($"Recipient=\"{SampleMessages.HubAcsUrl}\"", "Recipient=\"https://evil.test/acs\"", StringComparison.Ordinal));
        yield return Case("BearerInResponseToOfAnotherRequest", SamlErrorCode.ProtocolInResponseToMismatch,
            x => ReplaceNth(x, "InResponseTo=\"_request-0001\"", "InResponseTo=\"_request-other\"", 1));
        yield return Case("NoBearerConfirmation", SamlErrorCode.ProtocolBearerConfirmationMissing,
            x => x.Replace("urn:oasis:names:tc:SAML:2.0:cm:bearer", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key", StringComparison.Ordinal));
        yield return Case("ExpiredConfirmationWindow", SamlErrorCode.ProtocolExpired,
            x => x.Replace(T(SampleMessages.DefaultInstant.AddMinutes(5)), T(SampleMessages.DefaultInstant.AddSeconds(-40)), StringComparison.Ordinal));
        yield return Case("ConditionsNotYetValid", SamlErrorCode.ProtocolNotYetValid,
            x => x.Replace($"NotBefore=\"{T(SampleMessages.DefaultInstant)}\"", $"NotBefore=\"{T(Now.AddMinutes(10))}\"", StringComparison.Ordinal));
        yield return Case("ConditionsExpired", SamlErrorCode.ProtocolExpired,
            x => x.Replace(T(SampleMessages.DefaultInstant.AddMinutes(60)), T(SampleMessages.DefaultInstant.AddSeconds(-40)), StringComparison.Ordinal));
        yield return Case("ResponseFromTheFuture", SamlErrorCode.ProtocolNotYetValid,
            x => ReplaceFirst(x, $"IssueInstant=\"{T(SampleMessages.DefaultInstant)}\"", $"IssueInstant=\"{T(Now.AddMinutes(10))}\""));
        yield return Case("DifferentNameIdInMdsAssertion", SamlErrorCode.ProtocolSubjectMismatch,
            x => ReplaceNth(x, $">{SampleMessages.Pid}<", ">another-pid<", 1));
        yield return Case("UnknownLevelOfAssurance", SamlErrorCode.ProtocolAuthnContextMissing,
            x => x.Replace("authn-context:level2", "authn-context:level9", StringComparison.Ordinal));
    }

    [Test]
    public async Task Validate_AcceptsTheUnbrokenResponse()
    {
        var (validator, _) = Validator();

        var result = await validator.ValidateAsync(Signed(SampleMessages.IdpResponseXml()), Expected());

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Outcome, Is.EqualTo(IdpOutcome.Success));
            Assert.That(result.Value.NameId!.Value, Is.EqualTo(SampleMessages.Pid));
            Assert.That(result.Value.MatchingDataset!.FirstNames, Is.Not.Empty);
            Assert.That(result.Value.AuthnAssertion!.Source, Is.Not.Null);
        });
    }

    [TestCaseSource(nameof(OneThingBroken))]
    public void Validate_RefusesOneBrokenRule(Func<string, string> mutate, SamlErrorCode expected)
    {
        var xml = SampleMessages.IdpResponseXml();
        var broken = mutate(xml);
        Assert.That(broken, Is.Not.EqualTo(xml), "the mutation changed nothing");
        var (validator, replay) = Validator();

        var ex = Assert.ThrowsAsync<SamlException>(() => validator.ValidateAsync(Signed(broken), Expected()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(expected));
            Assert.That(replay.Count, Is.Zero, "a refused response must record nothing");
        });
    }

    [Test]
    public async Task Validate_RefusesAReplayedResponse()
    {
        var (validator, _) = Validator();
        var xml = SampleMessages.IdpResponseXml();
        await validator.ValidateAsync(Signed(xml), Expected());

        var ex = Assert.ThrowsAsync<SamlException>(() => validator.ValidateAsync(Signed(xml), Expected()));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.ProtocolReplayed));
    }

    [Test]
    public void Validate_RefusesAnAssertionFromAnotherRegisteredIdp()
    {
        var (validator, _) = Validator();
        var document = SecureXml.Load(SampleMessages.IdpResponseXml());
        var assertion = (XmlElement)document.DocumentElement!.GetElementsByTagName("Assertion", XmlNames.Saml)[0]!;
        XmlSigner.Sign(assertion, SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing-ecdsa")));
        var other = (XmlElement)document.DocumentElement!.GetElementsByTagName("Assertion", XmlNames.Saml)[1]!;
        XmlSigner.Sign(other, Idp());
        XmlSigner.Sign(document.DocumentElement!, Idp());

        var ex = Assert.ThrowsAsync<SamlException>(() => validator.ValidateAsync(SecureXml.Load(document.OuterXml), Expected()));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.SignatureNoTrustedKey));
    }

    [Test]
    public async Task Validate_DecryptsAssertionsEncryptedForUs_SignedThenEncryptedThenResponseSigned()
    {
        var (validator, _) = Validator();
        var expected = Expected() with { DecryptionKeys = [DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("hub-encryption"))] };

        var result = await validator.ValidateAsync(SignedAndEncrypted(SampleMessages.IdpResponseXml()), expected);

        Assert.That(result.Value.MatchingDataset!.Surnames, Is.Not.Empty);
    }

    [Test]
    public void Validate_RefusesEncryptedAssertions_WhenWeHoldNoKey()
    {
        var (validator, replay) = Validator();

        var ex = Assert.ThrowsAsync<SamlException>(() => validator.ValidateAsync(SignedAndEncrypted(SampleMessages.IdpResponseXml()), Expected()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.EncryptionKeyMissing));
            Assert.That(replay.Count, Is.Zero);
        });
    }

    private static XmlDocument SignedAndEncrypted(string xml)
    {
        var document = SecureXml.Load(xml);
        var hub = EncryptionRecipient.FromCertificate(SampleCerts.Certificate("hub-encryption"));
        foreach (var assertion in document.DocumentElement!.GetElementsByTagName("Assertion", XmlNames.Saml).OfType<XmlElement>().ToList())
        {
            XmlSigner.Sign(assertion, Idp());
            XmlEncryptor.EncryptAssertion(assertion, hub);
        }

        XmlSigner.Sign(document.DocumentElement!, Idp());
        return SecureXml.Load(document.OuterXml);
    }

    private static (ResponseValidator Validator, InMemoryReplayCache Replay) Validator()
    {
        var time = new FakeTimeProvider(Now);
        var replay = new InMemoryReplayCache(time);
        return (new ResponseValidator(new SamlValidationOptions(), replay, time), replay);
    }

    private static ExpectedResponse Expected() => new()
    {
        Issuer = S,
        IssuerKeys = TrustedKeySet.For(S, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("stub-idp-signing"))),
        Destination = SampleMessages.HubAcsUrl,
        Audience = SampleMessages.HubEntityId,
        InResponseTo = "_request-0001",
    };

    private static SigningCredential Idp() => SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing"));

    /// <summary>Signs both assertions and the Response with the IDP's key, then re-reads the text as received.</summary>
    internal static XmlDocument Signed(string xml)
    {
        var document = SecureXml.Load(xml);
        foreach (var assertion in document.DocumentElement!.GetElementsByTagName("Assertion", XmlNames.Saml).OfType<XmlElement>().ToList())
        {
            XmlSigner.Sign(assertion, Idp());
        }

        XmlSigner.Sign(document.DocumentElement!, Idp());
        return SecureXml.Load(document.OuterXml);
    }

    private static string T(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string ReplaceFirst(string text, string old, string replacement) => ReplaceNth(text, old, replacement, 0);

    private static string ReplaceNth(string text, string old, string replacement, int n)
    {
        var index = -1;
        for (var i = 0; i <= n; i++)
        {
            index = text.IndexOf(old, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                return text;
            }
        }

        return string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + old.Length));
    }
}
