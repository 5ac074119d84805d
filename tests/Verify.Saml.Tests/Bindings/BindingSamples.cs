using System.Security.Cryptography;
using System.Text;
using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Tests.Support;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Testing;

namespace Verify.Saml.Tests.Bindings;

/// <summary>Messages, keys and query helpers for the binding tests, signed at test time with <c>certs-sample</c> keys.</summary>
internal static class BindingSamples
{
    public const string HubSso = "https://hub.test/SAML2/SSO";
    public const string RpAcs = "https://rp.test/saml/acs";
    public const string RpEntityId = "https://rp.test/saml";
    public const string IdpEntityId = "https://idp.test/saml";

    /// <summary>An AuthnRequest as an RP sends it to the hub.</summary>
    public static XmlDocument AuthnRequest(string id = "_request-0001") => SecureXml.Load($"""
        <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{id}" Version="2.0" IssueInstant="2025-03-14T10:30:00Z" Destination="{HubSso}" AssertionConsumerServiceURL="{RpAcs}">
          <saml:Issuer>{RpEntityId}</saml:Issuer>
          <samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" AllowCreate="true"/>
        </samlp:AuthnRequest>
        """);

    /// <summary>A realistic IDP response (about 7 KB), unsigned.</summary>
    public static XmlDocument Response() => SampleMessages.IdpResponse();

    /// <summary>A LogoutResponse: a response whose name is not "Response".</summary>
    public static XmlDocument LogoutResponse() => SecureXml.Load("""
        <samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_logout-1" InResponseTo="_lr" Version="2.0" IssueInstant="2025-03-14T10:30:00Z"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>
        """);

    public static SigningCredential RpCredential(HashAlgorithmName? hash = null) =>
        SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("test-rp-signing"), hash);

    public static SigningCredential IdpEcdsaCredential() =>
        SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("stub-idp-signing-ecdsa"));

    public static TrustedKeySet RpKeys() =>
        TrustedKeySet.For(RpEntityId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("test-rp-signing")));

    public static TrustedKeySet IdpKeys() => TrustedKeySet.For(
        IdpEntityId,
        TrustedSigningKey.FromCertificate(SampleCerts.Certificate("stub-idp-signing")),
        TrustedSigningKey.FromCertificate(SampleCerts.Certificate("stub-idp-signing-ecdsa")));

    /// <summary>The query string of a URL, without the '?'.</summary>
    public static string QueryOf(string url) => url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..];

    /// <summary>The raw (still encoded) value of a parameter.</summary>
    public static string RawValue(string query, string name) =>
        query.Split('&').Single(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    /// <summary>Replaces the raw value of a parameter, leaving every other byte of the query alone.</summary>
    public static string WithRaw(string query, string name, string rawValue) =>
        string.Join('&', query.Split('&').Select(p => p.StartsWith(name + "=", StringComparison.Ordinal) ? name + "=" + rawValue : p));

    /// <summary>Removes a parameter.</summary>
    public static string Without(string query, string name) =>
        string.Join('&', query.Split('&').Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal)));

    /// <summary>A SAMLRequest value: the XML deflated, base64-encoded and URL-encoded.</summary>
    public static string DeflatedParameter(string xml) =>
        Uri.EscapeDataString(Convert.ToBase64String(SamlMessageEncoding.Deflate(Encoding.UTF8.GetBytes(xml))));

    /// <summary>Signs an arbitrary octet string as a Redirect sender would (RSA PKCS#1 v1.5).</summary>
    public static string SignRaw(string signedPart, HashAlgorithmName hash)
    {
        var signature = SampleCerts.RsaKey("test-rp-signing").SignData(Encoding.ASCII.GetBytes(signedPart), hash, RSASignaturePadding.Pkcs1);
        return signedPart + "&Signature=" + Uri.EscapeDataString(Convert.ToBase64String(signature));
    }

    /// <summary>Lowercases the hex digits of every percent-escape, as some senders' encoders do.</summary>
    public static string LowercaseEscapes(string raw)
    {
        var builder = new StringBuilder(raw);
        for (var i = 0; i + 2 < builder.Length; i++)
        {
            if (builder[i] == '%')
            {
                builder[i + 1] = char.ToLowerInvariant(builder[i + 1]);
                builder[i + 2] = char.ToLowerInvariant(builder[i + 2]);
            }
        }

        return builder.ToString();
    }
}
