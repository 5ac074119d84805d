using System.Xml;

using Verify.Saml.Bindings;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Validation;
using Verify.Saml.Validation.InMemory;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.StubIdp.Tests.Support;

/// <summary>The hub's side of the tests: its identity and keys from certs-sample, its AuthnRequests, its validator.</summary>
internal static class SampleHub
{
    public const string EntityId = "https://hub.test/SAML2/metadata";
    public const string AcsUrl = "https://hub.test/SAML2/SSO/Response/POST";

    public static StubIdpOptions StubOptions(TimeProvider clock) => new()
    {
        HubEntityId = EntityId,
        HubAcsUrl = AcsUrl,
        HubSigningCertificates = [SampleCerts.Certificate("hub-signing")],
        HubEncryptionCertificate = SampleCerts.Certificate("hub-encryption"),
        SigningCertificate = SampleCerts.CertificateWithKey("stub-idp-signing"),
        TimeProvider = clock,
    };

    /// <summary>The hub's AuthnRequest to an IDP, as the hub sends it (level 2 minimum, persistent NameID).</summary>
    public static AuthnRequest Request(string destination, DateTimeOffset issueInstant, string? id = null) => new()
    {
        Id = id ?? SamlIds.NewId(),
        IssueInstant = issueInstant,
        Destination = destination,
        Issuer = Issuer.Entity(EntityId),
        ProtocolBinding = SamlBindings.HttpPost,
        AssertionConsumerServiceUrl = AcsUrl,
        NameIdPolicy = new NameIdPolicy { Format = NameIdFormats.Persistent, AllowCreate = true },
        RequestedAuthnContext = new RequestedAuthnContext
        {
            Comparison = AuthnContextComparison.Minimum,
            AuthnContextClassRefs = [AuthnContexts.Level2],
        },
    };

    /// <summary>The request written and signed with <paramref name="signerStem"/>'s key (the hub's unless told), or unsigned.</summary>
    public static XmlDocument Signed(AuthnRequest request, string? signerStem = "hub-signing")
    {
        var document = SamlXmlWriter.WriteAuthnRequest(request);
        if (signerStem is not null)
        {
            using var credential = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(signerStem));
            XmlSigner.Sign(document.DocumentElement!, credential);
        }

        return document;
    }

    /// <summary>The HTTP-POST form fields carrying <paramref name="document"/>.</summary>
    public static FormUrlEncodedContent PostForm(XmlDocument document, string? relayState = "hub-relay-state-0001")
    {
        var fields = new List<KeyValuePair<string, string>> { new("SAMLRequest", PostBinding.Encode(document)) };
        if (relayState is not null)
        {
            fields.Add(new("RelayState", relayState));
        }

        return new FormUrlEncodedContent(fields);
    }

    /// <summary>The hub's HTTP-Redirect URL for <paramref name="request"/>, signed with the hub key unless unsigned.</summary>
    public static string RedirectUrl(AuthnRequest request, bool signed = true, string? relayState = "hub-relay-state-0001")
    {
        using var credential = signed ? SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("hub-signing")) : null;
        return RedirectBinding.Encode(SamlXmlWriter.WriteAuthnRequest(request), request.Destination!, relayState, credential);
    }

    /// <summary>Validates the stub's Response the way the hub does, for the IDP the request was sent to.</summary>
    public static async Task<IdpResponse> ValidateAsync(XmlDocument response, string idpEntityId, string requestId, TimeProvider clock)
    {
        using var issuerKey = TrustedSigningKey.FromCertificate(SampleCerts.Certificate("stub-idp-signing"));
        using var decryption = DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("hub-encryption"));
        var validator = new ResponseValidator(new SamlValidationOptions(), new InMemoryReplayCache(clock), clock);
        var valid = await validator.ValidateAsync(response, new ExpectedResponse
        {
            Issuer = idpEntityId,
            IssuerKeys = TrustedKeySet.For(idpEntityId, issuerKey),
            Destination = AcsUrl,
            Audience = EntityId,
            InResponseTo = requestId,
            DecryptionKeys = [decryption],
            Shape = ResponseShape.VerifyIdp,
        });
        return valid.Value;
    }
}
