using System.Net.Http.Headers;
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

namespace Verify.MatchingService.Tests.Support;

/// <summary>
/// The hub's side of the exchange, built only from what the hub will use: <see cref="MatchingQueryComposer"/> to
/// write the query, <see cref="SamlSoapClient"/> to send it, <see cref="MatchingResponseValidator"/> to check the answer.
/// </summary>
internal sealed class TestHub : IDisposable
{
    private readonly MatchingServiceHost _host;
    private readonly HttpClient _http;
    private readonly SigningCredential _signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("hub-signing"));
    private readonly EncryptionRecipient _matchingService = EncryptionRecipient.FromCertificate(SampleCerts.Certificate("matching-service-encryption"));
    private readonly DecryptionKey _hubKey = DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("hub-encryption"));
    private readonly MatchingResponseValidator _validator;

    public TestHub(MatchingServiceHost host)
    {
        _host = host;
        _http = host.NewClient();
        _validator = new MatchingResponseValidator(new SamlValidationOptions(), new InMemoryReplayCache(host.Clock), host.Clock);
    }

    public DateTimeOffset Now => _host.Clock.GetUtcNow();

    /// <summary>The IDP's assertions, issued now (Robert, level 2, unless changed).</summary>
    public IdpAssertions Idp(Func<IdpAssertions, IdpAssertions>? change = null)
    {
        var idp = new IdpAssertions { IssueInstant = Now };
        return change?.Invoke(idp) ?? idp;
    }

    /// <summary>A match query for <paramref name="idp"/>'s assertions (Robert's, unless given).</summary>
    public MatchingQuery Query(IdpAssertions? idp = null, IReadOnlyList<XmlElement>? assertions = null)
    {
        idp ??= Idp();
        return new MatchingQuery
        {
            Id = SamlIds.NewId(),
            IssueInstant = Now,
            HubEntityId = Parties.HubEntityId,
            Destination = _host.Paths.AttributeQueryUrl,
            MatchingServiceEntityId = Parties.MatchingServiceEntityId,
            RelyingPartyEntityId = Parties.RpEntityId,
            AssertionConsumerServiceUrl = Parties.RpAcsUrl,
            AuthnRequestId = "_rp-request-" + Guid.NewGuid().ToString("N"),
            Subject = idp.NameId,
            IdpAssertions = assertions ?? idp.Build(),
        };
    }

    /// <summary>A match query carrying an OIDC IDP's ID token as evidence (ADR 0025), about <paramref name="subject"/>.</summary>
    public MatchingQuery OidcQuery(
        string idToken, string subject = "sub-robert-at-oidc-idp", string issuer = Parties.OidcIdpIssuer, IReadOnlyList<MatchingQueryVouchedClaim>? vouchedByHub = null) =>
        Query(Idp(), []) with
        {
            Subject = NameId.Persistent(subject),
            OidcEvidence = new MatchingQueryOidcEvidence { Issuer = issuer, IdToken = idToken, VouchedByHub = vouchedByHub ?? [] },
        };

    /// <summary>An account-creation query for the same citizen.</summary>
    public MatchingQuery AccountCreation(MatchingQuery query, params string[] attributes) =>
        query with { Id = SamlIds.NewId(), IssueInstant = Now, Destination = _host.Paths.AccountCreationUrl, AccountCreationAttributes = attributes };

    public XmlDocument Compose(MatchingQuery query) => MatchingQueryComposer.Compose(query, _signer, _matchingService);

    public XmlDocument HealthCheck(string id) => MatchingQueryComposer.ComposeHealthCheck(id, Now, Parties.HubEntityId, _host.Paths.AttributeQueryUrl, _signer);

    /// <summary>Composes, sends and validates: the hub's whole exchange.</summary>
    public async Task<MatchingServiceAnswer> AskAsync(MatchingQuery query, string? hashedPid = null) =>
        await ValidateAsync(await SendAsync(Compose(query), query.Destination), query, hashedPid);

    /// <summary>Sends a (possibly broken) query over the SOAP binding and returns the SAML answer, unchecked.</summary>
    public async Task<XmlElement> SendAsync(XmlDocument message, string? url = null) =>
        await new SamlSoapClient(_http).SendAsync(new Uri(url ?? _host.Paths.AttributeQueryUrl), message);

    /// <summary>The hub's check of the answer to <paramref name="query"/>.</summary>
    public async Task<MatchingServiceAnswer> ValidateAsync(XmlElement response, MatchingQuery query, string? hashedPid = null) =>
        (await _validator.ValidateAsync(response, Expected(query.Id, query, hashedPid))).Value;

    /// <summary>The hub's check of an answer to a query the hub sent but that carried no assertion (health check, broken query).</summary>
    public async Task<MatchingServiceAnswer> ValidateAsync(XmlElement response, string queryId) =>
        (await _validator.ValidateAsync(response, Expected(queryId, null, null))).Value;

    /// <summary>POSTs raw bytes; returns the status codes and message of the signed answer (checked with the matching service's key).</summary>
    public async Task<(string TopLevel, string? Message, string? InResponseTo)> PostRawAsync(byte[] body, string contentType = "text/xml; charset=utf-8", string? url = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await _http.PostAsync(url ?? _host.Paths.AttributeQueryUrl, content);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), "SAML errors travel as SAML responses over SOAP.");
        var element = SoapEnvelope.Unwrap(await response.Content.ReadAsByteArrayAsync());
        XmlSignatureVerifier.Verify(element, MatchingServiceKeys);
        var answer = SamlXmlReader.Default.ReadResponse(element);
        return (answer.Status.StatusCode.Value, answer.Status.StatusMessage, answer.InResponseTo);
    }

    public static TrustedKeySet MatchingServiceKeys =>
        TrustedKeySet.For(Parties.MatchingServiceEntityId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("matching-service-signing")));

    public void Dispose()
    {
        _http.Dispose();
        _signer.Dispose();
        _matchingService.Dispose();
        _hubKey.Dispose();
    }

    private ExpectedMatchingResponse Expected(string queryId, MatchingQuery? query, string? hashedPid) => new()
    {
        MatchingServiceEntityId = Parties.MatchingServiceEntityId,
        MatchingServiceKeys = MatchingServiceKeys,
        InResponseTo = queryId,
        DecryptionKeys = [_hubKey],
        RelyingPartyEntityId = query?.RelyingPartyEntityId,
        AssertionConsumerServiceUrl = query?.AssertionConsumerServiceUrl,
        AuthnRequestId = query?.AuthnRequestId,
        HashedPid = hashedPid,
    };
}
