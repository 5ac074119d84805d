using System.Text;
using System.Xml;

using Verify.MatchingService.Tests.Support;
using Verify.Saml.Bindings;
using Verify.Saml.Saml;
using Verify.Saml.Samlp;
using Verify.Saml.Validation;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;

namespace Verify.MatchingService.Tests.Soap;

/// <summary>
/// "Break one thing" (STYLE.md): start from a valid query for Robert, who would match, change one thing, and expect
/// one specific refusal — a signed Requester answer the hub can pair with its query, carrying the catalogue ID — and
/// nothing linked.
/// </summary>
public sealed class QueryAttackTests
{
    private MatchingServiceHost _host = null!;
    private TestHub _hub = null!;

    private static readonly Dictionary<string, Func<TestHub, MatchingServiceHost, XmlDocument>> Broken = [];

    public static IEnumerable<TestCaseData> Attacks()
    {
        yield return Case("unsigned hub query", "VS2001", (hub, _) => Strip(hub.Compose(hub.Query())));
        yield return Case("hub query signed by another party's key", "VS2013", (hub, _) => Resign(hub.Compose(hub.Query()), "test-rp-signing"));
        yield return Case("hub query altered after signing", "VS2014", (hub, _) =>
        {
            var message = hub.Compose(hub.Query());
            Child(message.DocumentElement!, "Subject").FirstChild!.InnerText = "pid-someone-else";
            return message;
        });
        yield return Case("IDP assertion signed by a key not registered for that IDP", "VS2013", (hub, _) =>
            hub.Compose(hub.Query(hub.Idp(idp => idp with { SignerStem = "stub-idp-signing-clone" }))));
        yield return Case("IDP assertion signed by another registered IDP's key", "VS2013", (hub, _) =>
            hub.Compose(hub.Query(hub.Idp(idp => idp with { SignerStem = "stub-idp-signing-ecdsa" }))));
        yield return Case("IDP assertion from an IDP not registered here", "VS5018", (hub, _) =>
            hub.Compose(hub.Query(hub.Idp(idp => idp with { Issuer = "https://idp.test/not-registered" }))));
        yield return Case("IDP assertion altered after signing", "VS2014", (hub, _) =>
        {
            var idp = hub.Idp();
            var assertions = idp.Build();
            ChangeSurname(assertions[1], "Jones");
            return hub.Compose(hub.Query(idp, assertions));
        });
        yield return Case("IDP assertion wrapped around its original (XSW)", "VS2006", (hub, _) =>
        {
            var idp = hub.Idp();
            var assertions = idp.Build();
            return hub.Compose(hub.Query(idp, [assertions[0], Wrapped(assertions[1])]));
        });
        yield return Case("IDP assertions older than 60 minutes", "VS5009", (hub, host) =>
        {
            var idp = hub.Idp();
            var assertions = idp.Build();
            host.Clock.Advance(TimeSpan.FromMinutes(62));
            return hub.Compose(hub.Query(idp, assertions));
        });
        yield return Case("IDP assertion addressed to another audience", "VS5006", (hub, _) =>
            hub.Compose(hub.Query(hub.Idp(idp => idp with { Audience = "https://another-hub.test" }))));
        yield return Case("subjects differ between the IDP's assertions", "VS5012", (hub, _) =>
            hub.Compose(hub.Query(hub.Idp(idp => idp with { MatchingDatasetPid = "pid-someone-else" }))));
        yield return Case("query about another subject than its assertions", "VS5012", (hub, _) =>
            hub.Compose(hub.Query() with { Subject = NameId.Persistent("pid-someone-else") }));
        yield return Case("level below the configured minimum", "VM1001", (hub, _) =>
            hub.Compose(hub.Query(hub.Idp(idp => idp with { AuthnContext = AuthnContexts.Level1 }))));
        yield return Case("LEVEL_X (fraud)", "VM1001", (hub, _) =>
            hub.Compose(hub.Query(hub.Idp(idp => idp with { AuthnContext = AuthnContexts.LevelX }))));
        yield return Case("query meant for the account-creation endpoint", "VS5001", (hub, host) =>
            hub.Compose(hub.Query() with { Destination = host.Paths.AccountCreationUrl }));
        yield return Case("query issued more than 5 minutes ago", "VS5009", (hub, host) =>
        {
            var message = hub.Compose(hub.Query() with { IssueInstant = hub.Now - TimeSpan.FromMinutes(7) });
            return message;
        });
        yield return Case("match query asking for account-creation attributes", "VM1002", (hub, _) =>
            hub.Compose(hub.Query() with { AccountCreationAttributes = [AccountCreationAttributeNames.FirstName] }));
        yield return Case("IDP assertion sent unencrypted", "VS3005", (hub, _) => PlainAssertions(hub));
    }

    [SetUp]
    public async Task StartAsync()
    {
        _host = await MatchingServiceHost.StartAsync();
        _hub = new TestHub(_host);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _hub.Dispose();
        await _host.DisposeAsync();
    }

    [TestCaseSource(nameof(Attacks))]
    public async Task BrokenQuery_IsRefusedAsRequester_AndLinksNothing(string attack, string expectedErrorId)
    {
        if (Broken.Count == 0)
        {
            _ = Attacks().ToList();
        }

        var message = Broken[attack](_hub, _host);
        var queryId = message.DocumentElement!.GetAttribute("ID");

        var answer = await _hub.ValidateAsync(await _hub.SendAsync(message), queryId);

        Assert.Multiple(async () =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.RequesterError));
            Assert.That(answer.StatusMessage, Is.EqualTo(expectedErrorId));
            Assert.That(answer.Assertion, Is.Null);
            Assert.That(await _host.Store!.CountLinksAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task ReplayedQuery_IsRefusedTheSecondTime()
    {
        var alice = _hub.Idp(idp => idp with { Pid = "pid-alice", Dataset = People.Alice });
        var message = _hub.Compose(_hub.Query(alice));
        var queryId = message.DocumentElement!.GetAttribute("ID");
        var first = await _hub.ValidateAsync(await _hub.SendAsync(message), queryId);

        var second = await _hub.ValidateAsync(await _hub.SendAsync(message), queryId);

        Assert.Multiple(() =>
        {
            Assert.That(first.Outcome, Is.EqualTo(MatchingServiceOutcome.NoMatch));
            Assert.That(second.Outcome, Is.EqualTo(MatchingServiceOutcome.RequesterError));
            Assert.That(second.StatusMessage, Is.EqualTo("VS5013"));
        });
    }

    [Test]
    public async Task DoctypeInTheBody_IsRefusedUnread()
    {
        const string body = """
            <?xml version="1.0"?>
            <!DOCTYPE soap11:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <soap11:Envelope xmlns:soap11="http://schemas.xmlsoap.org/soap/envelope/"><soap11:Body>&xxe;</soap11:Body></soap11:Envelope>
            """;

        var (status, message, inResponseTo) = await _hub.PostRawAsync(Encoding.UTF8.GetBytes(body));

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(StatusCodes.Requester));
            Assert.That(message, Is.EqualTo("VS1002"));
            Assert.That(inResponseTo, Is.Null);
            Assert.That(await _host.Store!.CountLinksAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task OversizedBody_IsRefusedUnread()
    {
        var query = _hub.Compose(_hub.Query());
        var padding = query.CreateComment(new string('x', 300 * 1024));
        query.DocumentElement!.AppendChild(padding);

        var (status, message, _) = await _hub.PostRawAsync(SoapEnvelope.Wrap(query));

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(StatusCodes.Requester));
            Assert.That(message, Is.EqualTo("VS4009"));
            Assert.That(await _host.Store!.CountLinksAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task Soap12ContentType_IsRefused()
    {
        var (status, message, _) = await _hub.PostRawAsync(SoapEnvelope.Wrap(_hub.Compose(_hub.Query())), "application/soap+xml");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(StatusCodes.Requester));
            Assert.That(message, Is.EqualTo("VM1006"));
        });
    }

    [Test]
    public async Task GetOnTheSoapEndpoint_IsNotAllowed()
    {
        using var client = _host.NewClient();

        using var response = await client.GetAsync(_host.Paths.AttributeQueryUrl);

        Assert.That((int)response.StatusCode, Is.EqualTo(405));
    }

    private static TestCaseData Case(string name, string expectedErrorId, Func<TestHub, MatchingServiceHost, XmlDocument> attack)
    {
        Broken[name] = attack;
        return new TestCaseData(name, expectedErrorId);
    }

    private static XmlDocument Strip(XmlDocument message)
    {
        var signature = message.DocumentElement!.ChildNodes.OfType<XmlElement>().Single(e => e.LocalName == "Signature");
        message.DocumentElement.RemoveChild(signature);
        return message;
    }

    private static XmlDocument Resign(XmlDocument message, string stem)
    {
        using var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey(stem));
        XmlSigner.Sign(Strip(message).DocumentElement!, signer);
        return message;
    }

    private static XmlElement Child(XmlElement parent, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().Single(e => e.LocalName == localName);

    private static void ChangeSurname(XmlElement mdsAssertion, string surname)
    {
        var manager = new XmlNamespaceManager(mdsAssertion.OwnerDocument.NameTable);
        manager.AddNamespace("saml", XmlNames.Saml);
        var value = (XmlElement)mdsAssertion.SelectSingleNode($"//saml:Attribute[@Name='{VerifyAttributeNames.Surname}']/saml:AttributeValue", manager)!;
        value.InnerText = surname;
    }

    /// <summary>
    /// XSW: a forged assertion (new ID, another surname) carrying the original's signature, with the untouched
    /// original hidden inside it so the signature's reference still resolves to a validly signed element.
    /// </summary>
    private static XmlElement Wrapped(XmlElement original)
    {
        var forged = (XmlElement)original.CloneNode(deep: true);
        forged.SetAttribute("ID", SamlIds.NewId());
        ChangeSurname(forged, "Jones");
        forged.AppendChild(original.OwnerDocument.ImportNode(original, deep: true));
        return forged;
    }

    /// <summary>A query carrying the IDP's assertions as plain elements, signed by the hub.</summary>
    private static XmlDocument PlainAssertions(TestHub hub)
    {
        var query = hub.Query();
        var message = SamlXmlWriter.WriteAttributeQuery(new AttributeQuery
        {
            Id = query.Id,
            IssueInstant = query.IssueInstant,
            Destination = query.Destination,
            Issuer = Issuer.Entity(Parties.HubEntityId),
            Subject = new Subject
            {
                NameId = query.Subject with { SPNameQualifier = query.RelyingPartyEntityId },
                SubjectConfirmations =
                [
                    new SubjectConfirmation
                    {
                        Method = SubjectConfirmationMethods.Bearer,
                        Data = new SubjectConfirmationData { Recipient = query.AssertionConsumerServiceUrl, InResponseTo = query.AuthnRequestId, Content = query.IdpAssertions },
                    },
                ],
            },
        });
        using var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("hub-signing"));
        XmlSigner.Sign(message.DocumentElement!, signer);
        return message;
    }
}
