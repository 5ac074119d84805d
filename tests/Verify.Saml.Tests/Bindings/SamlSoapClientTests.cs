using System.Net;
using System.Net.Sockets;
using System.Text;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Xml;

namespace Verify.Saml.Tests.Bindings;

/// <summary>
/// SAML Bindings 3.2.3 against a real HTTP server on loopback: the right request goes out, the answer's SAML
/// element comes back, and a failing, faulting or unreachable peer ends in one clear error.
/// </summary>
public sealed class SamlSoapClientTests
{
    private const string ResponseXml = """<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_ms-1" InResponseTo="_q1" Version="2.0" IssueInstant="2025-03-14T10:30:00Z"/>""";

    internal static readonly SamlSoapClientOptions Loopback = new() { AllowLoopbackHttp = true, Timeout = TimeSpan.FromSeconds(10) };

    internal static readonly System.Xml.XmlDocument Query = SecureXml.Load(
        """<samlp:AttributeQuery xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_q1" Version="2.0" IssueInstant="2025-03-14T10:30:00Z"/>""");

    [Test]
    public async Task CorrectPeer_ReturnsTheSamlElement_AndReceivedASoapRequest()
    {
        await using var server = new LoopbackHttpServer((_, stream, ct) =>
            LoopbackHttpServer.WriteResponseAsync(stream, 200, "text/xml; charset=utf-8", SoapEnvelope.Wrap(SecureXml.Load(ResponseXml)), ct));
        using var http = NewHttpClient();

        var element = await new SamlSoapClient(http, Loopback).SendAsync(server.Url, Query);

        var request = server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(element.GetAttribute("InResponseTo"), Is.EqualTo("_q1"));
            Assert.That(request.RequestLine, Is.EqualTo("POST /soap HTTP/1.1"));
            Assert.That(request.Header("Content-Type"), Is.EqualTo("text/xml; charset=utf-8"));
            Assert.That(request.Header("SOAPAction"), Is.EqualTo("http://www.oasis-open.org/committees/security"));
            Assert.That(request.Header("Cache-Control"), Does.Contain("no-store"));
            Assert.That(SoapEnvelope.Unwrap(request.Body).GetAttribute("ID"), Is.EqualTo("_q1"));
        });
    }

    [Test]
    public async Task FaultWithStatus500_IsReportedAsAFault()
    {
        var fault = new SoapFault(SoapFaultCode.Server, "matching service unavailable").ToEnvelope();
        await using var server = new LoopbackHttpServer((_, stream, ct) => LoopbackHttpServer.WriteResponseAsync(stream, 500, "text/xml", fault, ct));
        using var http = NewHttpClient();

        var ex = Assert.ThrowsAsync<SamlException>(() => new SamlSoapClient(http, Loopback).SendAsync(server.Url, Query));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSoapFault));
            Assert.That(ex.Message, Does.Contain("Server fault"));
        });
    }

    [TestCase(404, "text/html", "<html>not found</html>", "HTTP 404.")]
    [TestCase(500, "text/html", "<html>oops</html>", "HTTP 500.")]
    [TestCase(302, "text/html", "", "HTTP 302.")]
    public async Task HttpErrorStatus_IsReportedWithItsStatus(int status, string contentType, string body, string detail)
    {
        await using var server = new LoopbackHttpServer((_, stream, ct) => LoopbackHttpServer.WriteResponseAsync(stream, status, contentType, Encoding.UTF8.GetBytes(body), ct));
        using var http = NewHttpClient();

        var ex = Assert.ThrowsAsync<SamlException>(() => new SamlSoapClient(http, Loopback).SendAsync(server.Url, Query));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSoapHttpError));
            Assert.That(ex.Message, Does.EndWith(detail));
        });
    }

    [Test]
    public async Task NonSoapAnswer_IsRefusedAsMalformed()
    {
        await using var server = new LoopbackHttpServer((_, stream, ct) => LoopbackHttpServer.WriteResponseAsync(stream, 200, "text/xml", Encoding.UTF8.GetBytes(ResponseXml), ct));
        using var http = NewHttpClient();

        var ex = Assert.ThrowsAsync<SamlException>(() => new SamlSoapClient(http, Loopback).SendAsync(server.Url, Query));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSoapMalformed));
    }

    [Test]
    public void ClosedPort_IsReportedAsUnreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = NewHttpClient();

        var ex = Assert.ThrowsAsync<SamlException>(() => new SamlSoapClient(http, Loopback).SendAsync(new Uri($"http://127.0.0.1:{port}/soap"), Query));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSoapUnreachable));
    }

    [Test]
    public async Task PlainHttpEndpoint_IsRefusedUnlessLoopbackIsAllowed_AndNothingIsSent()
    {
        await using var server = new LoopbackHttpServer((_, _, _) => Task.CompletedTask);
        using var http = NewHttpClient();

        var ex = Assert.ThrowsAsync<SamlException>(() => new SamlSoapClient(http).SendAsync(server.Url, Query));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingDestinationNotAllowed));
            Assert.That(server.Requests, Is.Empty);
        });
    }

    internal static HttpClient NewHttpClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
}
