using System.Globalization;
using System.Security.Cryptography;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

using Verify.Web.Hosting;

namespace Verify.TestRp.RequestState;

/// <summary>
/// Keeps a <see cref="PendingRequest"/> in the browser between <c>POST /start</c> and the hub's POST back to the ACS.
/// The value is encrypted and authenticated with Data Protection, so the browser can neither read nor forge it; the
/// cookie is sent only to the ACS path and is <c>SameSite=None; Secure</c>, because the hub's POST back is a
/// cross-site request (ARCHITECTURE.md: cookies must survive the cross-site POST back). Nothing in it is personal.
/// </summary>
internal sealed class PendingRequestCookie
{
    /// <summary>The cookie's name.</summary>
    public const string Name = "verify-testrp-request";

    private const string Purpose = "Verify.TestRp.PendingRequest.v2";
    private const char Separator = '\n';

    private readonly IDataProtector _protector;
    private readonly TestRpOptions _options;
    private readonly bool _secure;

    public PendingRequestCookie(IDataProtectionProvider dataProtection, TestRpOptions options, WebAppEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentNullException.ThrowIfNull(endpoint);
        _protector = dataProtection.CreateProtector(Purpose);
        _options = options ?? throw new ArgumentNullException(nameof(options));

        // Browsers drop SameSite=None cookies that are not Secure; plain http is only for loopback development.
        _secure = endpoint.IsHttps;
    }

    /// <summary>Sets the cookie for <paramref name="request"/>, replacing any earlier one (one journey per browser).</summary>
    public void Write(HttpResponse response, PendingRequest request)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(request);
        var payload = string.Join(
            Separator,
            request.RequestId,
            request.RelayState,
            request.IssuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            request.Service ?? "");
        response.Cookies.Append(Name, _protector.Protect(payload), Options(_options.RequestLifetime));
    }

    /// <summary>
    /// The pending request this browser carries, or null when there is none, it was not made by this RP (forged,
    /// altered, or from another key ring), or it has expired.
    /// </summary>
    public PendingRequest? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split(Separator);
        if (parts.Length != 4 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs))
        {
            return null;
        }

        var pending = new PendingRequest(parts[0], parts[1], DateTimeOffset.FromUnixTimeMilliseconds(issuedMs), parts[3].Length == 0 ? null : parts[3]);

        // The cookie's own expiry is the browser's to enforce; the state's lifetime is ours.
        return _options.TimeProvider.GetUtcNow() < pending.IssuedAt + _options.RequestLifetime ? pending : null;
    }

    /// <summary>Deletes the cookie: a request is answered once.</summary>
    public void Clear(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Name, Options(maxAge: null));
    }

    // Max-Age rather than Expires: relative to the browser's clock, so a skewed server clock cannot shorten it.
    private CookieOptions Options(TimeSpan? maxAge) => new()
    {
        Path = TestRpPaths.Acs,
        HttpOnly = true,
        Secure = _secure,
        SameSite = _secure ? SameSiteMode.None : SameSiteMode.Lax,
        IsEssential = true,
        MaxAge = maxAge,
    };
}
