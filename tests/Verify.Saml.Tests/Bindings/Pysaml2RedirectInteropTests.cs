using System.Security.Cryptography;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Tests.Support;
using Verify.Testing;

namespace Verify.Saml.Tests.Bindings;

/// <summary>
/// pysaml2, an independent implementation, checks our HTTP-Redirect signatures (SAML Bindings 3.4.4.1). It
/// re-encodes the parameters before checking (INTEROP.md 5), so this also proves our encoding is the
/// canonical one. And the reverse: a query pysaml2 signs is verified by <see cref="RedirectBinding"/>.
/// </summary>
[Category("Interop")]
public sealed class Pysaml2RedirectInteropTests
{
    private static readonly string RpCertificate = SampleCerts.CertificatePath("test-rp-signing");

    [Test]
    public void WeSign_Pysaml2Verifies_RequestsAndResponses_WithAndWithoutRelayState()
    {
        (string Kind, string? RelayState, string Hash)[] cases =
        [
            ("request", null, "SHA256"),
            ("request", "state-1234", "SHA256"),
            ("request", "a b+c/d?e=f&g~h!*()'é\"<>", "SHA256"),
            ("response", null, "SHA384"),
            ("response", "https://rp.test/after?x=1 y", "SHA512"),
        ];
        var queries = cases.Select(c =>
        {
            using var credential = BindingSamples.RpCredential(new HashAlgorithmName(c.Hash));
            var message = c.Kind == "request" ? BindingSamples.AuthnRequest() : BindingSamples.Response();
            return BindingSamples.QueryOf(RedirectBinding.Encode(message, BindingSamples.HubSso, c.RelayState, credential));
        }).ToArray();

        var result = Pysaml2Peer.Verify(RpCertificate, queries);

        Assert.Multiple(() =>
        {
            Assert.That(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(Enumerable.Repeat("valid", cases.Length)), result.ToString());
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
        });
    }

    [Test]
    public void WeSign_Pysaml2RefusesATamperedRelayState()
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, "state-1", credential));

        var result = Pysaml2Peer.Verify(RpCertificate, BindingSamples.WithRaw(query, "RelayState", "state-2"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
    }

    [Test]
    public void WeSign_Pysaml2RefusesAnotherPartysCertificate()
    {
        using var credential = BindingSamples.RpCredential();
        var query = BindingSamples.QueryOf(RedirectBinding.Encode(BindingSamples.AuthnRequest(), BindingSamples.HubSso, "state-1", credential));

        var result = Pysaml2Peer.Verify(SampleCerts.CertificatePath("hub-signing"), query);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
    }

    [TestCase("")]
    [TestCase("state 1/2?x=y~z!*()")]
    public void Pysaml2Signs_WeVerify(string relayState)
    {
        var url = Pysaml2Peer.Sign(BindingSamples.AuthnRequest("_from-pysaml2").OuterXml, BindingSamples.HubSso, relayState, SampleCerts.KeyPath("test-rp-signing"));

        var message = RedirectBinding.Decode(BindingSamples.QueryOf(url));
        var verified = message.VerifySignature(BindingSamples.RpKeys());

        Assert.Multiple(() =>
        {
            Assert.That(url, Does.StartWith(BindingSamples.HubSso + "?SAMLRequest="));
            Assert.That(message.RelayState, Is.EqualTo(relayState.Length == 0 ? null : relayState));
            Assert.That(verified.Element.GetAttribute("ID"), Is.EqualTo("_from-pysaml2"));
        });
    }

    [Test]
    public void Pysaml2Signs_WeRefuseItWithAnotherPartysKeys()
    {
        var url = Pysaml2Peer.Sign(BindingSamples.AuthnRequest().OuterXml, BindingSamples.HubSso, "s", SampleCerts.KeyPath("test-rp-signing"));

        var ex = Assert.Throws<SamlException>(() => RedirectBinding.Decode(BindingSamples.QueryOf(url)).VerifySignature(BindingSamples.IdpKeys()));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSignatureInvalid));
    }
}
