using System.Net.Http.Headers;

using Microsoft.AspNetCore.Http;

using Verify.MatchingService.Errors;
using Verify.MatchingService.Processing;
using Verify.MatchingService.Validation;
using Verify.Saml.Bindings;
using Verify.Saml.Errors;

namespace Verify.MatchingService.Hosting;

/// <summary>
/// <c>POST</c> of a SOAP 1.1 envelope (SAML Bindings 3.2): only orchestrates. The body is refused unread when it
/// announces more than the limit, and read no further than the limit; the handler answers everything else. The
/// answer is always a SOAP envelope holding a signed SAML Response, with HTTP 200 and no caching.
/// </summary>
internal static class SoapEndpoint
{
    public static Task<IResult> MatchAsync(HttpContext http, MatchingQueryHandler handler, MatchingServiceOptions options, MatchingServicePaths paths) =>
        HandleAsync(http, handler, options, paths.AttributeQueryUrl, QueryEndpoint.Match);

    public static Task<IResult> AccountCreationAsync(HttpContext http, MatchingQueryHandler handler, MatchingServiceOptions options, MatchingServicePaths paths) =>
        HandleAsync(http, handler, options, paths.AccountCreationUrl, QueryEndpoint.AccountCreation);

    private static async Task<IResult> HandleAsync(HttpContext http, MatchingQueryHandler handler, MatchingServiceOptions options, string receivedAt, QueryEndpoint endpoint)
    {
        // SAML Bindings 3.2.3.2: no caching of SAML exchanges.
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers.Pragma = "no-cache";
        if (!IsSoap11(http.Request.ContentType))
        {
            return Reply(handler.Refuse(null, Refusal.From(MatchingServiceErrorCode.NotSoap)));
        }

        if (http.Request.ContentLength > options.MaxRequestBytes)
        {
            return Reply(handler.Refuse(null, Refusal.From(new SamlException(SamlErrorCode.BindingMessageTooLarge))));
        }

        byte[] body;
        try
        {
            body = await ReadCappedAsync(http.Request.Body, options.MaxRequestBytes, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception tooLarge) when (tooLarge is SamlException or BadHttpRequestException)
        {
            return Reply(handler.Refuse(null, Refusal.From(new SamlException(SamlErrorCode.BindingMessageTooLarge))));
        }

        return Reply(await handler.HandleAsync(body, receivedAt, endpoint, http.RequestAborted).ConfigureAwait(false));
    }

    private static IResult Reply(System.Xml.XmlDocument answer) => Results.Bytes(SoapEnvelope.Wrap(answer), SoapEnvelope.ContentType);

    /// <summary>SOAP 1.1 over HTTP: <c>text/xml</c> (SOAP 1.2's <c>application/soap+xml</c> is another protocol).</summary>
    private static bool IsSoap11(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && string.Equals(parsed.MediaType, "text/xml", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadCappedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new SamlException(SamlErrorCode.BindingMessageTooLarge);
            }
        }

        return buffer.ToArray();
    }
}
