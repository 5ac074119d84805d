using System.Net;
using System.Net.Sockets;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// A TCP listener on 127.0.0.1 that never accepts: an attack points a reference, an external entity or
/// a DTD at it, and the test asserts that nothing ever connected. A connection attempt, even one given
/// up at once, stays queued in the listen backlog, so <see cref="WasContacted"/> sees it.
/// </summary>
internal sealed class AttackLoopback : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public AttackLoopback()
    {
        listener.Start();
    }

    /// <summary>The port the listener is bound to.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Whether any connection has been attempted.</summary>
    public bool WasContacted => listener.Pending();

    /// <summary>An http URL on the listener.</summary>
    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    /// <summary>Asserts, after a grace period for anything fetched in the background, that nobody connected.</summary>
    public void AssertNeverContacted()
    {
        Thread.Sleep(TimeSpan.FromMilliseconds(200));
        Assert.That(WasContacted, Is.False, $"something connected to {Url("")}");
    }

    /// <summary>Proves the probe works: a real connection is seen.</summary>
    public void SelfTest()
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, Port);
        Assert.That(WasContacted, Is.True, "the loopback probe must see a connection");
    }

    public void Dispose() => listener.Dispose();
}
