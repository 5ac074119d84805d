using System.Security.Cryptography;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Bindings;

/// <summary>
/// SAML Bindings 3.4.4.1: a Redirect signature is accepted only from a key trusted for the party, with an
/// allowed SigAlg, over unchanged parameters. Break one thing, expect one refusal.
/// </summary>
public sealed class RedirectSignatureTests
{
    private static readonly string Message = BindingSamples.DeflatedParameter(BindingSamples.AuthnRequest().OuterXml);

    private static readonly object[] Tamperings =
    [
        new object[] { "SAMLRequest", (Func<string, string>)(q => BindingSamples.WithRaw(q, "SAMLRequest", BindingSamples.DeflatedParameter(BindingSamples.AuthnRequest("_another").OuterXml))) },
        new object[] { "RelayState changed", (Func<string, string>)(q => BindingSamples.WithRaw(q, "RelayState", "state-2")) },
        new object[] { "RelayState removed", (Func<string, string>)(q => BindingSamples.Without(q, "RelayState")) },
        new object[] { "SigAlg to another allowed one", (Func<string, string>)(q => BindingSamples.WithRaw(q, "SigAlg", Uri.EscapeDataString(XmlNames.RsaSha512))) },
        new object[] { "Signature bit flipped", (Func<string, string>)(q => BindingSamples.WithRaw(q, "Signature", FlipFirstBit(BindingSamples.RawValue(q, "Signature")))) },
    ];

    [TestCaseSource(nameof(Tamperings))]
    public void TamperedSignedParameter_IsRefused(string what, Func<string, string> tamper)
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, "state-1", credential));

        var message = RedirectBinding.Decode(tamper(query));
        var ex = Assert.Throws<SamlException>(() => message.VerifySignature(BindingSamples.RpKeys()));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSignatureInvalid), what);
    }

    [Test]
    public void RelayStateAddedAfterSigning_IsRefused()
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, null, credential));

        var message = RedirectBinding.Decode(query + "&RelayState=injected");

        Assert.That(() => message.VerifySignature(BindingSamples.RpKeys()), Throws.TypeOf<SamlException>()
            .With.Property(nameof(SamlException.Code)).EqualTo(SamlErrorCode.BindingSignatureInvalid));
    }

    [Test]
    public void SignedByAnotherParty_IsRefused()
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, null, credential));

        var ex = Assert.Throws<SamlException>(() => RedirectBinding.Decode(query).VerifySignature(BindingSamples.IdpKeys()));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSignatureInvalid));
    }

    [Test]
    public void EcdsaSignatureInDerForm_Verifies()
    {
        var ecdsa = SampleCerts.EcdsaKey("stub-idp-signing-ecdsa");
        var signedPart = $"SAMLRequest={Message}&SigAlg={Uri.EscapeDataString(XmlNames.EcdsaSha256)}";
        var der = ecdsa.SignData(System.Text.Encoding.ASCII.GetBytes(signedPart), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        var message = RedirectBinding.Decode(signedPart + "&Signature=" + Uri.EscapeDataString(Convert.ToBase64String(der)));

        Assert.That(message.VerifySignature(BindingSamples.IdpKeys()).SignatureMethod, Is.EqualTo(XmlNames.EcdsaSha256));
    }

    [TestCase("http://www.w3.org/2000/09/xmldsig#rsa-sha1", TestName = "SigAlg_RsaSha1_IsRefused")]
    [TestCase("http://www.w3.org/2000/09/xmldsig#dsa-sha1", TestName = "SigAlg_DsaSha1_IsRefused")]
    [TestCase("http://www.w3.org/2000/09/xmldsig#hmac-sha1", TestName = "SigAlg_HmacSha1_IsRefused")]
    [TestCase("urn:example:unknown", TestName = "SigAlg_Unknown_IsRefused")]
    public void WeakOrUnknownSigAlg_IsRefused(string sigAlg)
    {
        var query = BindingSamples.SignRaw($"SAMLRequest={Message}&SigAlg={Uri.EscapeDataString(sigAlg)}", HashAlgorithmName.SHA1);

        var ex = Assert.Throws<SamlException>(() => RedirectBinding.Decode(query));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSignatureAlgorithmNotAllowed));
    }

    [Test]
    public void UnsignedMessage_DecodedWhenAllowed_IsRefusedByVerifySignature()
    {
        var message = RedirectBinding.Decode($"SAMLRequest={Message}", new RedirectDecodeOptions { RequireSignature = false });

        var ex = Assert.Throws<SamlException>(() => message.VerifySignature(BindingSamples.RpKeys()));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSignatureMissing));
    }

    [Test]
    public void OnlyAWeakRegisteredKeyVerifies_IsRefusedAsTooWeak()
    {
        using var weak = RSA.Create(1024);
        var signedPart = $"SAMLRequest={Message}&SigAlg={Uri.EscapeDataString(XmlNames.RsaSha256)}";
        var signature = weak.SignData(System.Text.Encoding.ASCII.GetBytes(signedPart), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var keys = TrustedKeySet.For(BindingSamples.RpEntityId, TrustedSigningKey.FromPublicKey(RSA.Create(weak.ExportParameters(false))));

        var message = RedirectBinding.Decode(signedPart + "&Signature=" + Uri.EscapeDataString(Convert.ToBase64String(signature)));
        var ex = Assert.Throws<SamlException>(() => message.VerifySignature(keys));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.SignatureKeyTooWeak));
    }

    private static string FlipFirstBit(string rawSignature)
    {
        var bytes = Convert.FromBase64String(Uri.UnescapeDataString(rawSignature));
        bytes[0] ^= 0x80;
        return Uri.EscapeDataString(Convert.ToBase64String(bytes));
    }
}
