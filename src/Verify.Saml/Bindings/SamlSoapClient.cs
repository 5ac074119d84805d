using System.Net;
using System.Net.Http.Headers;
using System.Xml;

using Verify.Saml.Errors;

namespace Verify.Saml.Bindings;

/// <summary>
/// Sends a SAML request over the SOAP binding (SAML Bindings 3.2.3, SOAP 1.1 over HTTP) and returns the
/// SAML element of the answer, unverified: the caller checks its signature with the peer's keys. Every
/// failure is a <see cref="SamlException"/>: timeout, unreachable, HTTP status, too large, fault, malformed.
/// </summary>
/// <remarks>
/// The <see cref="HttpClient"/> is injected (pooled by the host). Its handler should not follow redirects:
/// a 3xx is reported as an HTTP error.
/// </remarks>
public sealed class SamlSoapClient
{
    private readonly HttpClient _httpClient;
    private readonly SamlSoapClientOptions _options;

    public SamlSoapClient(HttpClient httpClient, SamlSoapClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _options = options ?? SamlSoapClientOptions.Default;
        _options.Validate();
    }

    /// <summary>Posts <paramref name="message"/> to <paramref name="endpoint"/> and returns the SAML element answered.</summary>
    /// <param name="endpoint">The peer's SOAP endpoint (https; loopback http when the options allow it).</param>
    /// <param name="message">The SAML request, already signed.</param>
    /// <param name="timeout">This call's timeout; the options' (60 s by default) when null.</param>
    /// <param name="cancellationToken">Cancels the call; that is reported as cancellation, not as a timeout.</param>
    /// <exception cref="SamlException">The exchange failed; the code says how.</exception>
    public async Task<XmlElement> SendAsync(Uri endpoint, XmlDocument message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(message);
        BindingRules.RequireDestination(endpoint.OriginalString, _options.AllowLoopbackHttp);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(SoapEnvelope.Wrap(message)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(SoapEnvelope.ContentType);

        // SAML Bindings 3.2.3.1 (SOAPAction) and 3.2.3.2 (no caching of SAML exchanges).
        request.Headers.TryAddWithoutValidation("SOAPAction", SoapEnvelope.SoapAction);
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true, NoStore = true };
        request.Headers.Pragma.Add(new NameValueHeaderValue("no-cache"));

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? _options.Timeout);
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);

            // SOAP 1.1 6.2: a fault comes with 500; anything else but 200 is not a SOAP answer.
            var isFault = response.StatusCode == HttpStatusCode.InternalServerError;
            if (response.StatusCode != HttpStatusCode.OK && !isFault)
            {
                throw new SamlException(SamlErrorCode.BindingSoapHttpError, $"HTTP {(int)response.StatusCode}.");
            }

            if (response.Content.Headers.ContentLength > _options.MaxResponseBytes)
            {
                throw new SamlException(SamlErrorCode.BindingMessageTooLarge, "The response's Content-Length is over the limit.");
            }

            var stream = await response.Content.ReadAsStreamAsync(timeoutSource.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var body = await CappedRead.ReadAllAsync(stream, _options.MaxResponseBytes, timeoutSource.Token).ConfigureAwait(false);
                return isFault ? throw FaultOrHttpError(body) : SoapEnvelope.Unwrap(body, _options.MaxResponseBytes);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SamlException(SamlErrorCode.BindingSoapTimeout, inner: ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new SamlException(SamlErrorCode.BindingSoapUnreachable, inner: ex);
        }
    }

    /// <summary>A 500 carrying a SOAP fault is a fault; any other 500 is an HTTP error.</summary>
    private static SamlException FaultOrHttpError(byte[] body)
    {
        try
        {
            SoapEnvelope.Unwrap(body, body.Length);
        }
        catch (SamlException ex) when (ex.Code == SamlErrorCode.BindingSoapFault)
        {
            return ex;
        }
        catch (SamlException)
        {
            // Not a SOAP envelope: reported as the HTTP status it came with.
        }

        return new SamlException(SamlErrorCode.BindingSoapHttpError, "HTTP 500.");
    }
}
