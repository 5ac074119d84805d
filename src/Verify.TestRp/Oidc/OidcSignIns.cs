using System.Collections.Concurrent;
using System.Security.Cryptography;

using Microsoft.AspNetCore.Http;

namespace Verify.TestRp.Oidc;

/// <summary>
/// What the test RP remembers of an OIDC sign-in, just enough for RP-Initiated Logout 1.0: the registration and the ID
/// token the hub issued (the <c>id_token_hint</c>). The record is held in this process's memory under a random handle
/// the browser keeps in an HttpOnly, SameSite=Strict cookie, so the ID token (which may carry claims about the citizen)
/// never travels in a cookie or a page. It lasts as long as the hub's session (<see cref="TestRpOptions.RequestLifetime"/>)
/// and is taken (removed) by the sign-out. Like the OIDC state store (ADR 0024), several test RP nodes would need a
/// shared store.
/// </summary>
internal sealed class OidcSignIns(TestRpOptions options)
{
    /// <summary>The cookie holding the handle.</summary>
    public const string CookieName = "verify-testrp-oidc-sign-in";

    /// <summary>At most this many records are kept; beyond it a sign-in is not remembered (and offers no sign-out).</summary>
    public const int MaxRecords = 10_000;

    private readonly ConcurrentDictionary<string, (string RegistrationKey, string IdToken, DateTimeOffset Until)> _records = new(StringComparer.Ordinal);

    /// <summary>Remembers a sign-in for <paramref name="registrationKey"/>; false when it could not be (store full).</summary>
    public bool Remember(HttpContext http, string registrationKey, string idToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(registrationKey);
        ArgumentException.ThrowIfNullOrEmpty(idToken);
        var now = options.TimeProvider.GetUtcNow();
        foreach (var (handle, record) in _records)
        {
            if (record.Until <= now)
            {
                _records.TryRemove(handle, out _);
            }
        }

        if (_records.Count >= MaxRecords)
        {
            return false;
        }

        var fresh = Base64Url(RandomNumberGenerator.GetBytes(32));
        _records[fresh] = (registrationKey, idToken, now + options.RequestLifetime);
        http.Response.Cookies.Append(CookieName, fresh, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/oidc",
            MaxAge = options.RequestLifetime,
        });
        return true;
    }

    /// <summary>Takes the sign-in this browser's cookie names (it is forgotten, and the cookie deleted); null when none.</summary>
    public (string RegistrationKey, string IdToken)? Take(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(CookieName, out var handle) || string.IsNullOrEmpty(handle))
        {
            return null;
        }

        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/oidc", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict });
        return _records.TryRemove(handle, out var record) && record.Until > options.TimeProvider.GetUtcNow()
            ? (record.RegistrationKey, record.IdToken)
            : null;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
