using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Verify.Matching.Engine;
using Verify.Matching.Requests;
using Verify.MatchingService.Errors;

namespace Verify.MatchingService.Matching.Http;

/// <summary>
/// A department's own local matching service, in Verify's JSON over HTTP (VERIFY-REFERENCE.md): the match request
/// POSTed to the match URL answers <c>{"result":"match"}</c> or <c>{"result":"no-match"}</c>; <c>{hashedPid,
/// levelOfAssurance}</c> POSTed to the account creation URL answers <c>{"result":"success"}</c> or <c>"failure"</c>.
/// Each call has a timeout and a size limit; anything but HTTP 200 with one of those values is a failure, never a
/// match. Departments that built one for Verify keep it unchanged.
/// </summary>
public sealed class HttpLocalMatchingService : ILocalMatchingService
{
    private readonly HttpClient _httpClient;
    private readonly HttpLocalMatchingServiceOptions _options;

    /// <summary>Creates the client; <paramref name="httpClient"/> is pooled by the host and should not follow redirects.</summary>
    /// <exception cref="ArgumentException">The options are not usable.</exception>
    public HttpLocalMatchingService(HttpClient httpClient, HttpLocalMatchingServiceOptions options)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
    }

    /// <inheritdoc />
    public async Task<LocalMatchResult> MatchAsync(MatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await PostAsync(_options.MatchUrl, request, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            MatchResponse.MatchValue => new LocalMatchResult(true, null, "match from the local matching service"),
            MatchResponse.NoMatchValue => new LocalMatchResult(false, null, "no-match from the local matching service"),
            _ => throw new MatchingServiceException(MatchingServiceErrorCode.LocalMatchingFailed),
        };
    }

    /// <inheritdoc />
    /// <remarks>The department's service keeps its own cycle 0 links (it is given the hashed PID with every request).</remarks>
    public Task RecordMatchAsync(MatchRequest request, LocalMatchResult match, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<LocalAccountCreationResult> CreateAccountAsync(AccountCreationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_options.AccountCreationUrl is null)
        {
            return new LocalAccountCreationResult(false, "no account creation URL is configured");
        }

        var body = new AccountCreationWireRequest(request.HashedPid!, request.LevelOfAssurance!);
        var result = await PostAsync(_options.AccountCreationUrl, body, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            "success" => new LocalAccountCreationResult(true, null),
            "failure" => new LocalAccountCreationResult(false, "failure from the local matching service"),
            _ => throw new MatchingServiceException(MatchingServiceErrorCode.LocalMatchingFailed),
        };
    }

    private async Task<string?> PostAsync<T>(Uri url, T body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var content = JsonContent.Create(body, options: MatchingJson.Requests);
            using var response = await _httpClient.PostAsync(url, content, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentLength > _options.MaxResponseBytes
                || response.Content.Headers.ContentType is not { MediaType: "application/json" })
            {
                throw new MatchingServiceException(MatchingServiceErrorCode.LocalMatchingFailed);
            }

            var bytes = await ReadCappedAsync(response.Content, timeout.Token).ConfigureAwait(false);
            var answer = JsonSerializer.Deserialize<LocalMatchingWireResult>(bytes, MatchingJson.Requests);
            return answer?.Result?.ToLowerInvariant();
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.LocalMatchingTimeout, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
        {
            throw new MatchingServiceException(MatchingServiceErrorCode.LocalMatchingFailed, ex);
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > _options.MaxResponseBytes)
                {
                    throw new MatchingServiceException(MatchingServiceErrorCode.LocalMatchingFailed);
                }
            }

            return buffer.ToArray();
        }
    }
}
