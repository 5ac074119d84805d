using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Verify.Saml.Tests.Bindings;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 made from a <see cref="TcpListener"/>, so a test controls every
/// byte of the answer: a correct SOAP response, nothing at all (a hung peer), or an endless body. Each
/// connection serves one request and is closed.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<LoopbackHttpRequest, Stream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;

    /// <param name="respond">Writes the raw HTTP response for a request to the connection's stream.</param>
    public LoopbackHttpServer(Func<LoopbackHttpRequest, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The SOAP endpoint URL.</summary>
    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/soap");

    /// <summary>Requests received so far.</summary>
    public List<LoopbackHttpRequest> Requests { get; } = [];

    /// <summary>Errors the response writer hit (a client that hung up shows here as an IOException).</summary>
    public List<Exception> Errors { get; } = [];

    /// <summary>Writes a complete response with a Content-Length.</summary>
    public static async Task WriteResponseAsync(Stream stream, int status, string contentType, byte[] body, CancellationToken cancellationToken)
    {
        var head = $"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }

    /// <summary>Waits for every connection's handler to finish (they end when the client hangs up).</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        Task[] running;
        lock (_connections)
        {
            running = [.. _connections];
        }

        await Task.WhenAll(running).WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAny(_acceptLoop, Task.Delay(TimeSpan.FromSeconds(5)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_connections)
            {
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                lock (Requests)
                {
                    Requests.Add(request);
                }

                await _respond(request, stream, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                lock (Errors)
                {
                    Errors.Add(ex);
                }
            }
        }
    }

    private static async Task<LoopbackHttpRequest> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The client closed the connection before the headers ended.");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var body = new byte[headers.TryGetValue("content-length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return new LoopbackHttpRequest(lines[0], headers, body);
    }
}
