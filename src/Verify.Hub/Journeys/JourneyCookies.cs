using Microsoft.AspNetCore.Http;

using Verify.Hub.Journey;

namespace Verify.Hub.Journeys;

/// <summary>
/// The journey's session cookies (ARCHITECTURE.md "Rules that hold everywhere"). The journey lives in the store; the
/// cookie holds only its random ID. Two cookies with the same value: one for the hub's pages (<c>SameSite=Lax</c>),
/// and one scoped to the ACS path with <c>SameSite=None; Secure</c>, because the IDP's answer arrives as a cross-site
/// POST that would not carry a Lax cookie. Both HttpOnly, session-lived (the store's TTL bounds the journey).
/// </summary>
internal static class JourneyCookies
{
    public const string Pages = "verify-journey";
    public const string Acs = "verify-journey-acs";

    public static void Set(HttpResponse response, JourneyId id, bool https)
    {
        response.Cookies.Append(Pages, id.Value, Options("/", SameSiteMode.Lax, https));

        // Over plain http (start-dev's 127.0.0.1 fallback) every app is on one site, so Lax reaches the ACS too;
        // browsers refuse SameSite=None without Secure.
        response.Cookies.Append(Acs, id.Value, Options(HubPaths.AssertionConsumer, https ? SameSiteMode.None : SameSiteMode.Lax, https));
    }

    public static JourneyId? Read(HttpRequest request, string name) =>
        JourneyId.TryParse(request.Cookies[name], out var id) ? id : null;

    public static void Clear(HttpResponse response, bool https)
    {
        response.Cookies.Delete(Pages, Options("/", SameSiteMode.Lax, https));
        response.Cookies.Delete(Acs, Options(HubPaths.AssertionConsumer, https ? SameSiteMode.None : SameSiteMode.Lax, https));
    }

    private static CookieOptions Options(string path, SameSiteMode sameSite, bool https) => new()
    {
        Path = path,
        HttpOnly = true,
        Secure = https,
        SameSite = sameSite,
        IsEssential = true,
    };
}
