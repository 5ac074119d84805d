using System.Net;

using Verify.Hub.Journey.States;
using Verify.Hub.Tests.Matching.Support;
using Verify.Hub.Tests.Oidc.Client.Support;
using Verify.Hub.Tests.Support;
using Verify.Matching.Engine;
using Verify.MatchingService;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Trust;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.StubIdp.Identities;
using Verify.Testing;

namespace Verify.Hub.Tests.Matching;

/// <summary>
/// A matching RP with an IDP that speaks OpenID Connect (ADR 0025): the hub offers the OIDC IDP, keeps its signed ID
/// token sealed with the journey, and relays it in the matching query; the real matching service verifies it with the
/// IDP's registered key and matches on the dataset the IDP signed, in either trust mode.
/// </summary>
public sealed class OidcIdpMatchingTests
{
    private readonly CapturingLoggerProvider _logs = new();
    private StubOidcIdp? _idp;

    [TearDown]
    public async Task StopAsync()
    {
        if (_idp is not null)
        {
            await _idp.DisposeAsync();
        }

        _logs.Dispose();
    }

    [Test]
    public async Task Cycle1Match_ThroughAnOidcIdp_HubAsserted_TheRpReceivesTheMatchAndTheHashedPidOfTheIdTokensSubject()
    {
        await using var harness = await StartAsync(endToEnd: false);
        var hub = harness.Hub;

        var rpRequestId = await ToMatchingAsync(harness);
        var settled = await MatchingFlow.SettleAsync(harness);
        var (path, status, html) = await MatchingFlow.ReadAsync(settled);
        Assert.That((path, status), Is.EqualTo((HubPaths.Continue, HttpStatusCode.OK)), _logs.AllText);
        Assert.That((await Flow.CurrentAsync(hub))!.State, Is.TypeOf<SuccessfulMatchState>());

        var rpPage = await MatchingFlow.ReturnToServiceAsync(hub.Client, settled);
        var (answer, _, _) = await Flow.RpReceivesAsync(hub, rpPage, rpRequestId);

        var attributes = answer.AuthnAssertion!.Attributes.ToDictionary(a => a.Name, a => ((StringValue)a.Values.Single()).Value);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Issuer, Is.EqualTo(HubHarness.HubEntityId));
            Assert.That(attributes[HubAttributeNames.MatchOutcome], Is.EqualTo("match"));
            Assert.That(attributes[HubAttributeNames.HashedPid], Is.EqualTo(SarahHashedPid()), "keyed by the IDP's issuer and the ID token's sub");
            Assert.That(harness.Transport.Paths, Is.EqualTo(new List<string> { "/SAML2/SOAP/AttributeQuery" }));
        });
    }

    [Test]
    public async Task Cycle1Match_ThroughAnOidcIdp_EndToEnd_TheRpReceivesTheMatchingServicesOwnAssertion()
    {
        await using var harness = await StartAsync(endToEnd: true);
        var hub = harness.Hub;

        var rpRequestId = await ToMatchingAsync(harness);
        var settled = await MatchingFlow.SettleAsync(harness);
        var rpPage = await MatchingFlow.ReturnToServiceAsync(hub.Client, settled);
        var (_, response) = await MatchingFlow.RpReceivesAsync(rpPage);

        var element = XmlDecryptor.DecryptAssertion(response.EncryptedAssertions.Single(), [DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("test-rp-encryption"))]);
        var msKeys = TrustedKeySet.For(MatchingHarness.MatchingServiceId, TrustedSigningKey.FromCertificate(SampleCerts.Certificate("matching-service-signing")));
        var assertion = SamlXmlReader.Default.ReadAssertion(XmlSignatureVerifier.Verify(element, msKeys).Element);
        Assert.Multiple(() =>
        {
            Assert.That(response.Status.IsSuccess, Is.True);
            Assert.That(response.InResponseTo, Is.EqualTo(rpRequestId));
            Assert.That(assertion.Issuer.Value, Is.EqualTo(MatchingHarness.MatchingServiceId));
            Assert.That(assertion.Subject!.NameId!.Value, Is.EqualTo(SarahHashedPid()));
        });
    }

    [Test]
    public async Task MatchingServiceNotTrustingTheOidcIdp_RefusesTheEvidence_AndTheRpIsNotToldOfAMatch()
    {
        await using var harness = await StartAsync(endToEnd: false, trustIdp: false);

        await ToMatchingAsync(harness);
        await MatchingFlow.SettleAsync(harness);

        Assert.Multiple(async () =>
        {
            Assert.That((await Flow.CurrentAsync(harness.Hub))!.State, Is.Not.TypeOf<SuccessfulMatchState>(), "an ID token from an IDP the department does not trust is not evidence");
            Assert.That(_logs.AllText, Does.Contain("(VM1010)"), "refused by the matching service: issuer not registered");
        });
    }

    [Test]
    public async Task UserInfoOnlyIdp_MatchingServiceAcceptingHubVouchedClaims_Matches_AndTheQueryListsTheVouchedClaimsWithTheirValues()
    {
        await using var harness = await StartAsync(endToEnd: false, userInfoOnly: true, acceptHubVouchedClaims: true);
        var queries = Capture(harness);

        // Cycle 1 needs an address in common (ADR 0007), which the standard claims do not carry: Sarah is already linked.
        await ReferenceMatchingEngine.Create(harness.Records, new MatchingOptions(), harness.Hub.Time).LinkAsync(SarahHashedPid(), "R-SARAH", "LEVEL_2");
        await ToMatchingAsync(harness);
        await MatchingFlow.SettleAsync(harness);

        var evidence = EvidenceOf(queries.Single());
        Assert.Multiple(async () =>
        {
            Assert.That((await Flow.CurrentAsync(harness.Hub))!.State, Is.TypeOf<SuccessfulMatchState>(), _logs.AllText);
            Assert.That(evidence.VouchedByHub.ToDictionary(c => c.Name, c => c.Value), Is.EquivalentTo(new Dictionary<string, string>
            {
                ["given_name"] = "Sarah",
                ["middle_name"] = "Elizabeth",
                ["family_name"] = "Thompson",
                ["birthdate"] = "1985-03-12",
                ["gender"] = "female",
            }));
            Assert.That(_logs.AllText, Does.Not.Contain("Thompson"), "no personal data in the logs");
        });
    }

    [Test]
    public async Task UserInfoOnlyIdp_MatchingServiceNotAcceptingHubVouchedClaims_RefusesWithVM1013()
    {
        await using var harness = await StartAsync(endToEnd: false, userInfoOnly: true);
        await ReferenceMatchingEngine.Create(harness.Records, new MatchingOptions(), harness.Hub.Time).LinkAsync(SarahHashedPid(), "R-SARAH", "LEVEL_2");

        await ToMatchingAsync(harness);
        await MatchingFlow.SettleAsync(harness);

        Assert.Multiple(async () =>
        {
            Assert.That((await Flow.CurrentAsync(harness.Hub))!.State, Is.Not.TypeOf<SuccessfulMatchState>(), "the department did not accept the hub's word for that IDP");
            Assert.That(_logs.AllText, Does.Contain("(VM1013)"));
        });
    }

    // The queries the hub sends, as sent (the matching service still answers them).
    private static List<string> Capture(MatchingHarness harness)
    {
        var queries = new List<string>();
        harness.Transport.Intercept = async (request, cancellationToken) =>
        {
            queries.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return await harness.Transport.ForwardAsync(request, cancellationToken);
        };
        return queries;
    }

    // The matching service's view: the evidence decrypted with its key.
    private static MatchingQueryOidcEvidence EvidenceOf(string soap)
    {
        var document = SecureXml.Load(soap);
        var encrypted = document.GetElementsByTagName(MatchingQueryOidcEvidence.EncryptedElementName, MatchingQueryOidcEvidence.Namespace).OfType<System.Xml.XmlElement>().Single();
        using var key = DecryptionKey.FromCertificate(SampleCerts.CertificateWithKey("matching-service-encryption"));
        return MatchingQueryOidcEvidence.Read(XmlDecryptor.DecryptElement(encrypted, [key], MatchingQueryOidcEvidence.Namespace, MatchingQueryOidcEvidence.ElementName));
    }

    private string SarahHashedPid() =>
        HashedPid.Compute(_idp!.Issuer, MatchingHarness.MatchingServiceId, PersistentIds.For(_idp.Issuer, "sarah-thompson"), "LEVEL_2");

    private async Task<MatchingHarness> StartAsync(bool endToEnd, bool trustIdp = true, bool userInfoOnly = false, bool acceptHubVouchedClaims = false)
    {
        var harness = await MatchingHarness.StartAsync(records: People.Sarah, endToEnd: endToEnd, logs: _logs, oidcIdps: async hub =>
        {
            _idp = await StubOidcIdp.StartAsync(hub, userInfoOnly);
            return trustIdp
                ? [new TrustedOidcIdp(_idp.Issuer, StubOidcIdp.ClientId, [TrustedOidcIdp.KeyFromCertificate(SampleCerts.Certificate("stub-idp-signing"))])
                {
                    AcceptHubVouchedClaims = acceptHubVouchedClaims,
                }]
                : [];
        });
        harness.Hub.Directory.AddIdentityProvider(_idp!.Registration());
        return harness;
    }

    // RP → hub → the OIDC IDP (chosen on the same page as SAML IDPs) → the hub's callback, which sends the query.
    private async Task<string> ToMatchingAsync(MatchingHarness harness)
    {
        var (authorize, rpRequestId) = await OidcIdpFlow.ChooseAsync(harness.Hub, _idp!.Issuer, "Stub OIDC IDP");
        var callback = await _idp.AnswerAsync(authorize, "success-level2");
        using var page = await harness.Hub.Client.GetAsync(callback);
        Assert.That((page.StatusCode, page.Headers.Location?.OriginalString), Is.EqualTo((HttpStatusCode.Found, HubPaths.Matching)), await page.Content.ReadAsStringAsync());
        return rpRequestId;
    }
}
