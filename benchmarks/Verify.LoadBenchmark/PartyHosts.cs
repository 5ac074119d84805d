using Microsoft.AspNetCore.Builder;

using Verify.StubIdp;
using Verify.TestRp;

namespace Verify.LoadBenchmark;

/// <summary>
/// The stub IDP and the test RPs, hosted in this process on their own Kestrel ports (as <c>verify start-dev</c> and
/// the multi-node test host them): their CPU is the load generator's, not the hub's.
/// </summary>
internal sealed class PartyHosts : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];

    public static async Task<PartyHosts> StartAsync(BenchFederation federation)
    {
        var hosts = new PartyHosts();
        hosts._apps.Add(StubIdpApp.Build(federation.Idp, federation.IdpEndpoint));
        foreach (var (options, endpoint) in federation.Rps)
        {
            hosts._apps.Add(TestRpApp.Build(options, endpoint));
        }

        foreach (var app in hosts._apps)
        {
            await app.StartAsync().ConfigureAwait(false);
        }

        return hosts;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
