using System.Diagnostics;
using System.Text;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;

namespace Verify.Saml.Tests.Bindings;

/// <summary>
/// The SOAP client's limits against a misbehaving peer on loopback: a hung peer times out within the
/// configured time, and an oversized body is refused without being read to its end.
/// </summary>
public sealed class SamlSoapClientLimitTests
{
    private static readonly SamlSoapClientOptions Loopback = SamlSoapClientTests.Loopback;

    private static readonly System.Xml.XmlDocument Query = SamlSoapClientTests.Query;

    [Test]
    public async Task HungPeer_TimesOutWithinTheConfiguredTimeout()
    {
        await using var server = new LoopbackHttpServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        using var http = NewHttpClient();
        var client = new SamlSoapClient(http, Loopback with { Timeout = TimeSpan.FromMilliseconds(300) });
        var stopwatch = Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<SamlException>(() => client.SendAsync(server.Url, Query));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSoapTimeout));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public async Task PerCallTimeout_OverridesTheOptions()
    {
        await using var server = new LoopbackHttpServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        using var http = NewHttpClient();

        var ex = Assert.ThrowsAsync<SamlException>(() => new SamlSoapClient(http, Loopback).SendAsync(server.Url, Query, TimeSpan.FromMilliseconds(200)));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingSoapTimeout));
    }

    [Test]
    public async Task EndlessBody_IsRefusedWithoutReadingItAll()
    {
        const long Offered = 512L * 1024 * 1024;
        long written = 0;
        await using var server = new LoopbackHttpServer(async (_, stream, ct) =>
        {
            // No Content-Length: the client only learns the size by reading.
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n<soap11:Envelope>"), ct);
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            while (written < Offered)
            {
                await stream.WriteAsync(chunk, ct);
                written += chunk.Length;
            }
        });
        using var http = NewHttpClient();

        var ex = Assert.ThrowsAsync<SamlException>(() => new SamlSoapClient(http, Loopback).SendAsync(server.Url, Query));
        await server.DrainAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingMessageTooLarge));
            Assert.That(written, Is.LessThan(Offered), "the server could not send it all: the client hung up");
            Assert.That(server.Errors, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task DeclaredOversizeBody_IsRefusedBeforeReading()
    {
        await using var server = new LoopbackHttpServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1073741824\r\n\r\n"), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var http = NewHttpClient();

        var ex = Assert.ThrowsAsync<SamlException>(() => new SamlSoapClient(http, Loopback).SendAsync(server.Url, Query));

        Assert.That(ex!.Code, Is.EqualTo(SamlErrorCode.BindingMessageTooLarge));
    }

    [Test]
    public async Task CallerCancellation_IsCancellation_NotATimeout()
    {
        await using var server = new LoopbackHttpServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        using var http = NewHttpClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(
            () => new SamlSoapClient(http, Loopback).SendAsync(server.Url, Query, cancellationToken: cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static HttpClient NewHttpClient() => SamlSoapClientTests.NewHttpClient();
}
