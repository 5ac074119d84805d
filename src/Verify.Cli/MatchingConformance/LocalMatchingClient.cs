using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Verify.Matching.Requests;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// Sends one request to the department's endpoint exactly as the matching service's <c>HttpLocalMatchingService</c>
/// does (the same JSON options, <c>application/json; charset=utf-8</c>, no redirects) and accepts the answer only on
/// the terms the matching service does: HTTP 200, <c>application/json</c>, at most 16 KiB, a JSON object read with the
/// service's own options whose <c>result</c> is one of the values the request kind allows, all within the timeout.
/// Anything else is reported as the problem it is; nothing the endpoint sends makes the tool fail.
/// </summary>
internal sealed class LocalMatchingClient(HttpClient http, TimeSpan timeout, TimeProvider timeProvider)
{
    /// <summary>The largest answer read: the matching service's default (<c>HttpLocalMatchingServiceOptions.MaxResponseBytes</c>).</summary>
    public const int MaxAnswerBytes = 16 * 1024;

    private static readonly JsonDocumentOptions AnswerOptions = new() { MaxDepth = 16 };

    /// <summary>The per-request timeout.</summary>
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>POSTs <paramref name="body"/> to <paramref name="url"/> and checks the answer.</summary>
    /// <param name="url">The match or account-creation URL.</param>
    /// <param name="body">Verify's match request or account creation request.</param>
    /// <param name="results">The <c>result</c> values a well-formed answer may carry.</param>
    /// <param name="cancellationToken">Stops the run (the user pressed Ctrl+C); not the timeout.</param>
    public async Task<EndpointAnswer> PostAsync<T>(Uri url, T body, IReadOnlyList<string> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var timeoutSource = new CancellationTokenSource(Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var started = timeProvider.GetTimestamp();
        try
        {
            using var content = JsonContent.Create(body, options: MatchingJson.Requests);
            using var response = await http.PostAsync(url, content, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return EndpointAnswer.Unusable($"HTTP {status}, expected 200", Elapsed(started), status, mediaType);
            }

            if (!string.Equals(mediaType, "application/json", StringComparison.Ordinal))
            {
                var actual = mediaType is null ? "no content type" : $"content type {Shorten(mediaType)}";
                return EndpointAnswer.Unusable($"{actual}, expected application/json", Elapsed(started), status, mediaType);
            }

            var bytes = await ReadCappedAsync(response.Content, linked.Token).ConfigureAwait(false);
            return bytes is null
                ? EndpointAnswer.Unusable($"answer larger than {MaxAnswerBytes / 1024} KiB", Elapsed(started), status, mediaType)
                : Interpret(bytes, results, Elapsed(started), status, mediaType!);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return EndpointAnswer.Unusable(
                string.Create(CultureInfo.InvariantCulture, $"no answer within {Timeout.TotalSeconds:0.#} s"), Elapsed(started));
        }
        catch (HttpRequestException ex)
        {
            return EndpointAnswer.Unusable($"no answer: {Describe(ex)}", Elapsed(started));
        }
        catch (IOException ex)
        {
            return EndpointAnswer.Unusable($"the answer broke off: {ex.Message}", Elapsed(started));
        }
    }

    private static EndpointAnswer Interpret(byte[] bytes, IReadOnlyList<string> results, TimeSpan latency, int status, string mediaType)
    {
        string? recordId;
        try
        {
            // First for a precise message: is it JSON at all, and an object?
            using var document = JsonDocument.Parse(bytes, AnswerOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return EndpointAnswer.Unusable($"the answer is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object", latency, status, mediaType);
            }

            recordId = root.TryGetProperty("recordId", out var record) && record.ValueKind == JsonValueKind.String ? record.GetString() : null;
        }
        catch (JsonException ex)
        {
            return EndpointAnswer.Unusable(
                string.Create(CultureInfo.InvariantCulture, $"not well-formed JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine})"), latency, status, mediaType);
        }

        AnswerBody? answer;
        try
        {
            // Then exactly as the matching service reads it (the same type shape and options), so the tool passes what it passes.
            answer = JsonSerializer.Deserialize<AnswerBody>(bytes, MatchingJson.Requests);
        }
        catch (JsonException ex)
        {
            return EndpointAnswer.Unusable($"the matching service cannot read the answer ({ex.Path ?? "$"})", latency, status, mediaType);
        }

        if (answer?.Result is not { } result)
        {
            return EndpointAnswer.Unusable("the answer has no \"result\" string", latency, status, mediaType);
        }

        // The matching service reads the value case-insensitively; so does this tool.
        var value = result.ToLowerInvariant();
        return results.Contains(value, StringComparer.Ordinal)
            ? EndpointAnswer.WellFormed(status, mediaType, latency, value, recordId)
            : EndpointAnswer.Unusable($"\"result\": \"{Shorten(value)}\" is not {string.Join(" or ", results)}", latency, status, mediaType);
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxAnswerBytes"/>.</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxAnswerBytes)
                {
                    return null;
                }
            }

            return buffer.ToArray();
        }
    }

    private TimeSpan Elapsed(long started) => timeProvider.GetElapsedTime(started);

    /// <summary>The innermost message: "Connection refused (127.0.0.1:9)", or the TLS failure.</summary>
    private static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null && inner is HttpRequestException)
        {
            inner = inner.InnerException;
        }

        return inner == ex || ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? ex.Message : $"{ex.Message} ({inner.Message})";
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
