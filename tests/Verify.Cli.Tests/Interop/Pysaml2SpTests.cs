using System.ComponentModel;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

using Verify.Cli.StartDev;
using Verify.Cli.Tests.Support;
using Verify.Saml.Xml;
using Verify.Saml.Xml.Encryption;
using Verify.Testing;
using Verify.Testing.Web;

namespace Verify.Cli.Tests.Interop;

/// <summary>
/// pysaml2's SP (Debian's python3-pysaml2 7.0.1), configured strictly, as a relying party of the hub: its own metadata
/// (self-signed signing and encryption certificates, as real SPs have) registered with <c>verify rp add</c> while the
/// federation runs, its signed AuthnRequest, a whole journey through the hub and the stub IDP, and the hub's answer
/// checked by pysaml2 and xmlsec1 — signed Response, signed and encrypted Assertion, InResponseTo, audience,
/// recipient, time window — through <c>Interop/pysaml2_sp.py</c>.
/// </summary>
[NonParallelizable]
public sealed partial class Pysaml2SpTests
{
    private const string Python = "/usr/bin/python3";
    private const string SpEntityId = "https://sp.pysaml2.test";
    private const string SpAcsUrl = "https://sp.pysaml2.test/acs";
    private const string LevelTwo = "urn:uk:gov:cabinet-office:tc:saml:authn-context:level2";

    private const string NotInstalled =
        "pysaml2 is not installed: run ./test.sh, which installs python3-pysaml2 (apt-get install -y --no-install-recommends python3-pysaml2 xmlsec1).";

    private string _folder = null!;
    private string _database = null!;
    private string _settings = null!;
    private SpKeyFiles _encryption = null!;
    private DevFederation _federation = null!;
    private HubAnswer _answer = null!;
    private TimeSpan _registrationTook;

    /// <summary>
    /// Starts the federation, registers pysaml2's SP while it runs (the hub refuses its request before, and takes it
    /// within seconds after: a live configuration change), and runs one journey to the point where the hub posts its
    /// answer to the SP's ACS.
    /// </summary>
    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _folder = Directory.CreateTempSubdirectory("verify-pysaml2-sp-").FullName;
        _database = Path.Combine(_folder, "federation.db");
        (_settings, _encryption) = WriteSpSettings(_folder);

        var metadata = Path.Combine(_folder, "sp-metadata.xml");
        Succeeded(RunPeer("metadata", _settings, metadata), "pysaml2 could not write its metadata");

        _federation = await DevFederation.StartAsync(new DevFederationOptions
        {
            ConfigDirectory = RepoPaths.Combine("config"),
            CertsDirectory = SampleCerts.Folder,
            DatabasePath = _database,
            PlainHttp = false,
            HubPort = 0,
            IdpPort = 0,
            RpPort = 0,
            MsPort = 0,
        });

        using var browser = Browser();
        await File.WriteAllBytesAsync(Path.Combine(_folder, "hub-metadata.xml"), await browser.GetByteArrayAsync(new Uri(_federation.HubUrl, "SAML2/metadata/hub")));
        var request = PeerRequest.Parse(Succeeded(RunPeer("request", _settings, "pysaml2-relay-state"), "pysaml2 could not make an AuthnRequest"));
        Assert.That(request.Destination, Is.EqualTo(new Uri(_federation.HubUrl, "SAML2/SSO").AbsoluteUri), "pysaml2 takes the SSO URL from the hub's metadata");

        var unknown = await PostRequestAsync(browser, request);
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        Assert.That((unknown.StatusCode, unknownHtml.Contains("VS5018", StringComparison.Ordinal)), Is.EqualTo((HttpStatusCode.BadRequest, true)), "before 'verify rp add' the SP is unknown: " + unknownHtml);

        var add = CliRun.InProcess("rp", "add", "--metadata", metadata, "--loa", "LEVEL_2", "--trust", "pinned", "--connection", $"Data Source={_database}", "--provider", "sqlite");
        Assert.That(add.ExitCode, Is.Zero, add.Output + add.Error);

        var registered = TimeProvider.System.GetTimestamp();
        var started = await PostUntilRegisteredAsync(browser, request);
        _registrationTook = TimeProvider.System.GetElapsedTime(registered);
        _answer = await ProveIdentityAsync(browser, started, request.RequestId);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_federation is not null)
        {
            await _federation.DisposeAsync();
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public void TheHub_PostsItsAnswerToTheAcsInPysaml2sMetadata_WithTheRelayState()
    {
        TestContext.Out.WriteLine($"The hub took pysaml2's request {_registrationTook.TotalSeconds:0.0} s after 'verify rp add'.");
        Assert.Multiple(() =>
        {
            Assert.That(_answer.Action, Is.EqualTo(SpAcsUrl));
            Assert.That(_answer.RelayState, Is.EqualTo("pysaml2-relay-state"));
        });
    }

    [Test]
    public void Pysaml2_AcceptsTheSignedResponseWithTheSignedEncryptedAssertion()
    {
        var result = RunPeer("response", _settings, _answer.RequestId, WriteResponse(_answer.SamlResponse));

        Assert.That(result.ExitCode, Is.Zero, "pysaml2 refused the hub's Response: " + result);
        TestContext.Out.WriteLine("pysaml2 accepted: " + result.StandardOutput);
        using var accepted = JsonDocument.Parse(result.StandardOutput);
        var root = accepted.RootElement;
        var nameId = root.GetProperty("name_id");
        var attributes = root.GetProperty("attributes");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("issuer").GetString(), Is.EqualTo(DevFederation.HubEntityId));
            Assert.That(root.GetProperty("in_response_to").GetString(), Is.EqualTo(_answer.RequestId));
            Assert.That(root.GetProperty("assertion_signed").GetBoolean(), Is.True);
            Assert.That(nameId.GetProperty("format").GetString(), Is.EqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"));
            Assert.That(nameId.GetProperty("text").GetString(), Does.Match("^[0-9a-f]{64}$"));
            Assert.That(nameId.GetProperty("sp_name_qualifier").GetString(), Is.EqualTo(SpEntityId));
            Assert.That(root.GetProperty("authn_contexts").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { LevelTwo }));
            Assert.That(attributes.TryGetProperty("givenName", out var given) && given.GetArrayLength() > 0, Is.True, "givenName: " + attributes);
            Assert.That(attributes.TryGetProperty("sn", out var surname) && surname.GetArrayLength() > 0, Is.True, "sn: " + attributes);
        });
    }

    [Test]
    public void Pysaml2_RefusesTheResponse_WhenOneByteOfTheSignedResponseChanged()
    {
        // One digit of the Response's IssueInstant (one second later, or nine earlier: still a time pysaml2 takes), so
        // only the signature can tell.
        var xml = Encoding.UTF8.GetString(Convert.FromBase64String(_answer.SamlResponse));
        var instant = IssueInstant().Match(xml);
        Assert.That(instant.Success, Is.True, xml);
        var seconds = instant.Groups["value"].Index + "yyyy-MM-ddTHH:mm:s".Length;
        var tampered = string.Concat(xml.AsSpan(0, seconds), ((char)('0' + ((xml[seconds] - '0' + 1) % 10))).ToString(), xml.AsSpan(seconds + 1));

        var result = RunPeer("response", _settings, _answer.RequestId, WriteResponse(Convert.ToBase64String(Encoding.UTF8.GetBytes(tampered))));
        TestContext.Out.WriteLine("pysaml2 refused: " + result.StandardError);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
            Assert.That(result.StandardError, Does.Contain("SignatureError: Failed to verify signature"), result.ToString);
            // pysaml2 logs each xmlsec1 run: the one that failed checked the Response.
            Assert.That(result.StandardError, Does.Contain("'urn:oasis:names:tc:SAML:2.0:protocol:Response'"), result.ToString);
        });
    }

    [Test]
    public void Pysaml2_RefusesTheResponse_ToARequestItDidNotSend()
    {
        var result = RunPeer("response", _settings, "id-" + Guid.NewGuid().ToString("N"), WriteResponse(_answer.SamlResponse));
        TestContext.Out.WriteLine("pysaml2 refused: " + result.StandardError);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
            Assert.That(result.StandardError, Does.Contain("UnsolicitedResponse"), result.ToString);
        });
    }

    [Test]
    public void Pysaml2_AcceptsTheAnswerDecryptedReencryptedAndResignedWithTheHubsKey()
    {
        // The control for the two tests below: taking the Response apart and putting it back together changes nothing.
        var result = RunPeer("response", _settings, _answer.RequestId, WriteResponse(Recompose(_ => { })));

        Assert.That(result.ExitCode, Is.Zero, "pysaml2 refused the recomposed Response: " + result);
    }

    [Test]
    public void Pysaml2_RefusesAnAssertionChangedAfterTheHubSignedIt_InAResponseSignedByTheHub()
    {
        var result = RunPeer("response", _settings, _answer.RequestId, WriteResponse(Recompose(assertion =>
        {
            var givenName = assertion.GetElementsByTagName("Attribute", XmlNames.Saml).OfType<XmlElement>().Single(a => a.GetAttribute("Name") == "urn:oid:2.5.4.42");
            var value = givenName.GetElementsByTagName("AttributeValue", XmlNames.Saml).OfType<XmlElement>().First();
            value.InnerText += "x";
        })));
        TestContext.Out.WriteLine("pysaml2 refused: " + result.StandardError);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
            Assert.That(result.StandardError, Does.Contain("SignatureError: Failed to verify signature"), result.ToString);
            // pysaml2 logs each xmlsec1 run: the one that failed checked the Assertion (the Response's signature is good).
            Assert.That(result.StandardError, Does.Contain("'urn:oasis:names:tc:SAML:2.0:assertion:Assertion'"), result.ToString);
        });
    }

    [Test]
    public void Pysaml2_RefusesAnUnsignedAssertion_InAResponseSignedByTheHub()
    {
        var result = RunPeer("response", _settings, _answer.RequestId, WriteResponse(Recompose(assertion => assertion.RemoveChild(DirectChild(assertion, XmlNames.DSig, "Signature")))));
        TestContext.Out.WriteLine("pysaml2 refused: " + result.StandardError);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
            Assert.That(result.StandardError, Does.Contain("SignatureError: Signature missing for assertion"), result.ToString);
        });
    }

    /// <summary>
    /// The hub's Response with its assertion decrypted (with the SP's key), changed by <paramref name="change"/>,
    /// encrypted for the SP again, and the Response signed again with the hub's key (certs-sample hub-signing): so only
    /// the assertion's own signature can tell a change.
    /// </summary>
    private string Recompose(Action<XmlElement> change)
    {
        var document = SecureXml.Load(Convert.FromBase64String(_answer.SamlResponse));
        var response = document.DocumentElement!;
        response.RemoveChild(DirectChild(response, XmlNames.DSig, "Signature"));

        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(_encryption.Key));
        using var key = DecryptionKey.FromPrivateKey(rsa);
        var assertion = XmlDecryptor.DecryptAssertion(DirectChild(response, XmlNames.Saml, "EncryptedAssertion"), [key]);
        change(assertion);

        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(_encryption.Certificate));
        using var recipient = EncryptionRecipient.FromCertificate(certificate);
        XmlEncryptor.EncryptAssertion(assertion, recipient);
        using var signer = SigningCredential.FromCertificate(SampleCerts.CertificateWithKey("hub-signing"));
        XmlSigner.Sign(response, signer);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(document.OuterXml));
    }

    private static XmlElement DirectChild(XmlElement parent, string namespaceUri, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().Single(e => e.LocalName == localName && e.NamespaceURI == namespaceUri);

    /// <summary>The SP's keys (self-signed RSA 2048, as real SPs have) and the settings file the peer script reads.</summary>
    private static (string Settings, SpKeyFiles Encryption) WriteSpSettings(string folder)
    {
        string Write(string name, string pem)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, pem);
            return path;
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var use in new[] { "signing", "encryption" })
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN=sp.pysaml2.test {use}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
            files[$"{use}_key"] = Write($"sp-{use}.key", key.ExportPkcs8PrivateKeyPem());
            files[$"{use}_cert"] = Write($"sp-{use}.crt", certificate.ExportCertificatePem());
        }

        var settings = new Dictionary<string, string>(files, StringComparer.Ordinal)
        {
            ["entity_id"] = SpEntityId,
            ["acs_url"] = SpAcsUrl,
            ["idp_metadata"] = Path.Combine(folder, "hub-metadata.xml"),
            ["work_dir"] = folder,
        };
        return (Write("sp-settings.json", JsonSerializer.Serialize(settings)), new SpKeyFiles(files["encryption_key"], files["encryption_cert"]));
    }

    private string WriteResponse(string samlResponse)
    {
        var path = Path.Combine(_folder, $"response-{Guid.NewGuid():N}.b64");
        File.WriteAllText(path, samlResponse);
        return path;
    }

    /// <summary>Runs <c>pysaml2_sp.py</c>; a missing pysaml2 fails the test (a required peer), never skips it.</summary>
    private static ProcessResult RunPeer(params string[] arguments)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing. {NotInstalled}");
        }

        ProcessResult result;
        try
        {
            result = ExternalProcess.Run(Python, [RepoPaths.Combine("tests", "Verify.Cli.Tests", "Interop", "pysaml2_sp.py"), .. arguments], timeout: TimeSpan.FromSeconds(60));
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"{Python} could not be started ({ex.Message}). {NotInstalled}");
            throw;
        }

        if (result.ExitCode == 3)
        {
            Assert.Fail($"{NotInstalled} ({result.StandardError.Trim()})");
        }

        return result;
    }

    private static string Succeeded(ProcessResult result, string what)
    {
        Assert.That(result.ExitCode, Is.Zero, $"{what}: {result}");
        return result.StandardOutput;
    }

    private static Task<HttpResponseMessage> PostRequestAsync(HttpClient browser, PeerRequest request) =>
        browser.PostFormAsync(request.Destination, [new("SAMLRequest", request.SamlRequest), new("RelayState", request.RelayState)]);

    /// <summary>
    /// Posts the same request until the hub knows the SP (CachedFederation looks at the store's revision at most every
    /// 5 s). A refused request does not enter the replay cache, so the accepted post is the journey's start.
    /// </summary>
    private static async Task<HttpResponseMessage> PostUntilRegisteredAsync(HttpClient browser, PeerRequest request)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await PostRequestAsync(browser, request);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !html.Contains("VS5018", StringComparison.Ordinal) || DateTimeOffset.UtcNow > deadline)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the hub should take pysaml2's request once the SP is registered: " + html);
                return response;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Hub start page (registering) → Stub IDP One → success at LEVEL_2 → the hub's answer to the SP.</summary>
    private static async Task<HubAnswer> ProveIdentityAsync(HttpClient browser, HttpResponseMessage started, string requestId)
    {
        var hubStart = await browser.FollowAsync(started);
        var choose = await browser.FollowAsync(await browser.SubmitAsync(hubStart, set: ("Intent", "registration")));
        var toIdp = await browser.SubmitAsync(choose, set: ("Idp", "https://idp.test/stub-idp-one"));
        var login = await browser.FollowAsync(await PostSamlFormAsync(browser, toIdp));
        var toHubAcs = await browser.SubmitAsync(login, set: ("outcome", "success-level2"));
        var toSp = await browser.FollowAsync(await PostSamlFormAsync(browser, toHubAcs));

        var html = await toSp.Content.ReadAsStringAsync();
        Assert.That(toSp.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var (action, fields) = Html.Form(html, "#saml-post");
        Assert.That(fields.Keys, Does.Contain("SAMLResponse"), html);
        return new HubAnswer(action, fields["SAMLResponse"], fields.GetValueOrDefault("RelayState"), requestId);
    }

    /// <summary>What the auto-submitting SAML POST form does in a browser.</summary>
    private static async Task<HttpResponseMessage> PostSamlFormAsync(HttpClient browser, HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        var (action, fields) = Html.Form(html, "#saml-post");
        return await browser.PostFormAsync(action, fields);
    }

    /// <summary>A cookie-keeping client that reaches every *.test host on 127.0.0.1 and trusts only the sample TLS root.</summary>
    private static HttpClient Browser()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(SampleCerts.Certificate("root-ca"));
                    chain.ChainPolicy.ExtraStore.Add(SampleCerts.Certificate("tls-ca"));
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return certificate is not null && chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
                },
            },
        };
        return new HttpClient(handler);
    }

    [GeneratedRegex("""<(?:\w+:)?Response\s[^>]*?IssueInstant="(?<value>[^"]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex IssueInstant();

    /// <summary>The AuthnRequest pysaml2 made: where it goes, the encoded message, and its ID.</summary>
    private sealed record PeerRequest(string Destination, string SamlRequest, string RelayState, string RequestId)
    {
        public static PeerRequest Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string Get(string name) => root.GetProperty(name).GetString() ?? throw new InvalidOperationException($"No {name} in {json}");
            return new PeerRequest(Get("destination"), Get("SAMLRequest"), Get("RelayState"), Get("request_id"));
        }
    }

    /// <summary>PEM files of one of the SP's keys.</summary>
    private sealed record SpKeyFiles(string Key, string Certificate);

    /// <summary>The hub's HTTP-POST form to the SP.</summary>
    private sealed record HubAnswer(string Action, string SamlResponse, string? RelayState, string RequestId);
}
