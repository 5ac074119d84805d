using System.Collections.Concurrent;
using System.Text.Json;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using Verify.Matching.Engine;
using Verify.Matching.Requests;
using Verify.Matching.Storage;

namespace Verify.Cli.Tests.MatchingConformance.Support;

/// <summary>
/// The reference engine behind Verify's two local-matching URLs, as a department that had built a Verify local
/// matching service would put it: match requests are forwarded unchanged to the matching service's <c>POST /match</c>
/// (remembering each hashed PID's dataset), and Verify's account creation request, which carries only
/// <c>{hashedPid, levelOfAssurance}</c>, creates the account from the dataset that hashed PID was last sent with.
/// The matching service has no JSON account-creation endpoint (its engine gets the dataset from the hub's SOAP query),
/// so this is how the account creation scenario is proved against the reference engine.
/// </summary>
internal sealed class VerifyJsonAdapter : IAsyncDisposable
{
    private readonly LoopbackApp _app;
    private readonly HttpClient _forward;

    private VerifyJsonAdapter(LoopbackApp app, HttpClient forward)
    {
        _app = app;
        _forward = forward;
    }

    public Uri MatchUrl => _app.Url("local-matching/match");

    public Uri AccountCreationUrl => _app.Url("local-matching/account-creation");

    public static async Task<VerifyJsonAdapter> StartAsync(ReferenceMatchingService service)
    {
        var datasets = new ConcurrentDictionary<string, MatchingDataset>(StringComparer.Ordinal);
        var engine = ReferenceMatchingEngine.Create(service.Database, new MatchingOptions(), TimeProvider.System);
        var forward = new HttpClient();
        var app = await LoopbackApp.StartAsync(web =>
        {
            web.MapPost("/local-matching/match", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                var request = JsonSerializer.Deserialize<MatchRequest>(body.ToArray(), MatchingJson.Requests);
                if (request?.HashedPid is { } pid && request.MatchingDataset is { } dataset)
                {
                    datasets[pid] = dataset;
                }

                using var content = new ByteArrayContent(body.ToArray());
                content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(http.Request.ContentType!);
                using var answer = await forward.PostAsync(service.MatchUrl, content);
                http.Response.StatusCode = (int)answer.StatusCode;
                http.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
                await http.Response.Body.WriteAsync(await answer.Content.ReadAsByteArrayAsync());
            });
            web.MapPost("/local-matching/account-creation", async (HttpContext http) =>
            {
                var request = await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(http.Request.Body);
                var pid = request!["hashedPid"];
                var created = await engine.CreateAccountAsync(new AccountCreationRequest
                {
                    HashedPid = pid,
                    LevelOfAssurance = request["levelOfAssurance"],
                    MatchingDataset = datasets.GetValueOrDefault(pid),
                });
                return Results.Json(new { result = created.Succeeded ? "success" : "failure" });
            });
        });
        return new VerifyJsonAdapter(app, forward);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _forward.Dispose();
    }
}
