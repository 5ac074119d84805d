using System.Net;
using System.Net.Sockets;

using StackExchange.Redis;

using Verify.MatchingService.Tests.Support;
using Verify.Saml.Bindings;
using Verify.Saml.Validation;
using Verify.Testing.Infra;
using Verify.Web.Replay;

namespace Verify.MatchingService.Tests.Soap;

/// <summary>
/// A department runs its matching service on two nodes behind one URL, sharing Redis (<c>redis</c> in its settings):
/// a query answered by one node is refused as replayed by the other.
/// </summary>
public sealed class MultiNodeReplayTests
{
    [Test]
    public async Task QueryAnsweredByOneNode_IsRefusedAsReplayedByTheOther()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis + ",abortConnect=false");
        var prefix = $"verify-ms-test:{Guid.NewGuid():N}:";
        await using var first = await MatchingServiceHost.StartAsync(replayCache: new RedisReplayCache(redis, TimeProvider.System, prefix));
        await using var second = await MatchingServiceHost.StartAsync(
            replayCache: new RedisReplayCache(redis, TimeProvider.System, prefix), sharedPublicUrl: first.BaseUrl);
        using var hub = new TestHub(first);
        var robert = hub.Query();
        var message = hub.Compose(robert);
        var answeredByFirst = await hub.ValidateAsync(await hub.SendAsync(message), robert);

        using var toSecond = new HttpClient(To(second.ListenPort));
        var replayedToSecond = await hub.ValidateAsync(await new SamlSoapClient(toSecond).SendAsync(new Uri(first.Paths.AttributeQueryUrl), message), robert.Id);

        Assert.Multiple(() =>
        {
            Assert.That(answeredByFirst.Outcome, Is.EqualTo(MatchingServiceOutcome.Match));
            Assert.That(replayedToSecond.Outcome, Is.EqualTo(MatchingServiceOutcome.RequesterError));
            Assert.That(replayedToSecond.StatusMessage, Is.EqualTo("VS5013"));
        });
    }

    /// <summary>The sample-trusting client, connected to one node's own port whatever the URL says (as a balancer would).</summary>
    private static SocketsHttpHandler To(int port)
    {
        var handler = MatchingServiceHost.Handler();
        handler.ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        };
        return handler;
    }
}
