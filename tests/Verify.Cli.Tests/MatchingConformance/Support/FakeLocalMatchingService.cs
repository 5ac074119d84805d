using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Verify.Cli.Tests.MatchingConformance.Support;

/// <summary>
/// A deliberately wrong local matching service: every request to <see cref="MatchUrl"/> or
/// <see cref="AccountCreationUrl"/> is answered by the test's own handler (always "match", slow, malformed JSON, wrong
/// content type …). Counts the requests it got.
/// </summary>
internal sealed class FakeLocalMatchingService : IAsyncDisposable
{
    private readonly LoopbackApp _app;
    private int _requests;

    private FakeLocalMatchingService(LoopbackApp app)
    {
        _app = app;
    }

    public Uri MatchUrl => _app.Url("match");

    public Uri AccountCreationUrl => _app.Url("account-creation");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts the fake; <paramref name="answer"/> writes the whole response.</summary>
    public static async Task<FakeLocalMatchingService> StartAsync(Func<HttpContext, Task> answer)
    {
        FakeLocalMatchingService? fake = null;
        var app = await LoopbackApp.StartAsync(web => web.MapPost("/{endpoint}", async (HttpContext http) =>
        {
            Interlocked.Increment(ref fake!._requests);
            await answer(http);
        }));
        fake = new FakeLocalMatchingService(app);
        return fake;
    }

    /// <summary>Answers <paramref name="body"/> with <paramref name="contentType"/> and <paramref name="status"/>.</summary>
    public static Task<FakeLocalMatchingService> AnsweringAsync(string body, string? contentType = "application/json", int status = 200) =>
        StartAsync(async http =>
        {
            http.Response.StatusCode = status;
            if (contentType is not null)
            {
                http.Response.ContentType = contentType;
            }

            await http.Response.WriteAsync(body);
        });

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
