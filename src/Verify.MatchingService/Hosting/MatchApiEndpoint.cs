using System.Net.Http.Headers;
using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Verify.Matching.Engine;
using Verify.Matching.Requests;
using Verify.MatchingService.Errors;
using Verify.MatchingService.Logging;
using Verify.MatchingService.Matching;

namespace Verify.MatchingService.Hosting;

/// <summary>
/// <c>POST /match</c>: Verify's local-matching JSON request in, <c>{"result": "match"|"no-match", "recordId"?}</c>
/// out, for tests and for the department's own systems. It writes no links (a match here is not recorded for cycle
/// 0: only the hub's signed query is). It exists only in Development/Test environments or on the mutual-TLS listener
/// (<see cref="MatchApiMode"/>); on that listener every call must present a pinned client certificate.
/// </summary>
internal static class MatchApiEndpoint
{
    /// <summary>Largest request body read.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext http, ILocalMatchingService matching, MatchApiGuard guard, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(MatchApiEndpoint));
        if (guard.Refusal(http) is { } refused)
        {
            logger.MatchApiRefused(refused.Reason);
            return refused.Result;
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || type.MediaType != "application/json")
        {
            logger.MatchApiRefused("not application/json");
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        MatchRequest? request;
        try
        {
            var body = await ReadCappedAsync(http.Request.Body, http.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                logger.MatchApiRefused("body too large");
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            request = JsonSerializer.Deserialize<MatchRequest>(body, MatchingJson.Requests);
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException)
        {
            logger.MatchApiRefused("not a match request");
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a local-matching JSON request.");
        }

        try
        {
            var result = await matching.MatchAsync(request ?? new MatchRequest(), http.RequestAborted).ConfigureAwait(false);
            logger.MatchApiAnswered(result.IsMatch ? MatchResponse.MatchValue : MatchResponse.NoMatchValue, result.Detail);
            var answer = result.IsMatch
                ? new MatchResponse(MatchResponse.MatchValue, result.RecordId)
                : new MatchResponse(MatchResponse.NoMatchValue, null);
            return Results.Json(answer, MatchingJson.Requests);
        }
        catch (InvalidMatchRequestException invalid)
        {
            // The messages name fields, never values.
            logger.MatchApiRefused("invalid match request");
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid match request.", extensions: new Dictionary<string, object?> { ["errors"] = invalid.Errors });
        }
        catch (MatchingServiceException failed)
        {
            logger.MatchApiRefused(MatchingServiceErrors.IdOf(failed.Code));
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: MatchingServiceErrors.MessageOf(failed.Code));
        }
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxRequestBytes"/>.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxRequestBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
