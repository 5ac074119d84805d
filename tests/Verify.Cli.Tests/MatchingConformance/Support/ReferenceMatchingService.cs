using Microsoft.AspNetCore.Builder;

using Verify.Matching.Engine;
using Verify.Matching.Storage;
using Verify.MatchingService;
using Verify.MatchingService.Matching.Reference;
using Verify.Testing;
using Verify.Web.Hosting;

namespace Verify.Cli.Tests.MatchingConformance.Support;

/// <summary>
/// The department's matching service as it ships (<see cref="MatchingServiceApp"/>), in the Test environment, over the
/// reference engine and a records store: its <c>POST /match</c> is what the conformance tool is pointed at. The
/// service's own port is plain http on loopback; with <paramref name="matchApi"/> in mutual-TLS mode, <c>/match</c> is
/// on its own https port instead.
/// </summary>
internal sealed class ReferenceMatchingService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReferenceMatchingService(WebApplication app, Uri matchUrl, MatchingDatabase database)
    {
        _app = app;
        MatchUrl = matchUrl;
        Database = database;
    }

    /// <summary>Where <c>POST /match</c> answers.</summary>
    public Uri MatchUrl { get; }

    /// <summary>The records store the engine reads.</summary>
    public MatchingDatabase Database { get; }

    public static async Task<ReferenceMatchingService> StartAsync(string connection, MatchApiOptions? matchApi = null)
    {
        var database = MatchingDatabase.Create(MatchingProvider.Sqlite, connection);
        var engine = ReferenceMatchingEngine.Create(database, new MatchingOptions(), TimeProvider.System);
        var port = LoopbackApp.FreePort();
        matchApi ??= new MatchApiOptions { Mode = MatchApiMode.Development };
        var app = MatchingServiceApp.Build(
            Options(matchApi),
            new WebAppEndpoint(new Uri($"http://127.0.0.1:{port}/")),
            new ReferenceLocalMatchingService(engine),
            environmentName: "Test");
        await app.StartAsync();
        var matchUrl = matchApi.Mode == MatchApiMode.MutualTls
            ? new Uri($"https://localhost:{matchApi.Port}/match")
            : new Uri($"http://127.0.0.1:{port}/match");
        return new ReferenceMatchingService(app, matchUrl, database);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static MatchingServiceOptions Options(MatchApiOptions matchApi) => new()
    {
        EntityId = "https://ms.test/matching-service",
        SigningCertificate = SampleCerts.CertificateWithKey("matching-service-signing"),
        EncryptionCertificates = [SampleCerts.CertificateWithKey("matching-service-encryption")],
        HubEntityId = "https://hub.test",
        HubSigningCertificates = [SampleCerts.Certificate("hub-signing")],
        HubEncryptionCertificate = SampleCerts.Certificate("hub-encryption"),
        Idps = [new TrustedIdp("https://idp.test/stub-idp-one", [SampleCerts.Certificate("stub-idp-signing")])],
        MatchApi = matchApi,
    };
}
