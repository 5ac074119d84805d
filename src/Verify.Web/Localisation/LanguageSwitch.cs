using System.Globalization;

using Microsoft.AspNetCore.Http;

namespace Verify.Web.Localisation;

/// <summary>
/// The language switch of an app that shows its pages in more than one language (ADR 0015): which languages, the
/// one this request is in, the GET link to <c>/language/{code}?returnUrl=…</c> that remembers a choice in the
/// <see cref="CookieName"/> cookie and returns to the page, and where a refused return URL goes instead. Registered
/// by <see cref="VerifyLanguagesExtensions.AddVerifyLanguages"/>; the page template shows the language navigation only
/// in an app that registered it.
/// </summary>
public sealed class LanguageSwitch
{
    /// <summary>The cookie that remembers the citizen's choice (a language code: not personal data).</summary>
    public const string CookieName = "verify-language";

    /// <summary>The switch endpoint's path; the language code follows it.</summary>
    public const string PathPrefix = "/language/";

    /// <summary>The query parameter naming the page to return to.</summary>
    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>How long the choice is remembered.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    private const string HiddenItemKey = "Verify.Web.Localisation.LanguageNavigationHidden";

    internal LanguageSwitch(IReadOnlyList<SiteLanguage> languages, string defaultReturnPath, bool https)
    {
        if (languages.Count == 0)
        {
            throw new ArgumentException("At least one language is needed.", nameof(languages));
        }

        if (!LocalReturnUrl.IsLocal(defaultReturnPath))
        {
            throw new ArgumentException("The default return path must be a local path.", nameof(defaultReturnPath));
        }

        Languages = languages;
        DefaultReturnPath = defaultReturnPath;
        Https = https;
    }

    /// <summary>The languages offered, the default first.</summary>
    public IReadOnlyList<SiteLanguage> Languages { get; }

    /// <summary>Where the switch returns to when the return URL is missing or not a local path.</summary>
    public string DefaultReturnPath { get; }

    private bool Https { get; }

    /// <summary>The language this request's pages are in (the request's UI culture, set by the localisation middleware).</summary>
    public SiteLanguage Current => Find(CultureInfo.CurrentUICulture.Name) ?? Languages[0];

    /// <summary>The offered language with this code, or null.</summary>
    public SiteLanguage? Find(string? code) =>
        Languages.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The GET link that switches to <paramref name="language"/> and comes back to <paramref name="returnUrl"/>.</summary>
    public string SwitchUrl(SiteLanguage language, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(language);
        return $"{PathPrefix}{language.Code}?{ReturnUrlParameter}={Uri.EscapeDataString(LocalReturnUrl.IsLocal(returnUrl) ? returnUrl : DefaultReturnPath)}";
    }

    /// <summary>
    /// Where the switch on this page returns to: <paramref name="pageReturnUrl"/> when the page named one (a page shown
    /// in answer to a POST that has a GET address of its own), else this page's address for a GET, or its path alone
    /// for a POST (a GET of the path shows the page again without what the form sent).
    /// </summary>
    public string ReturnUrlFor(HttpContext context, string? pageReturnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (LocalReturnUrl.IsLocal(pageReturnUrl))
        {
            return pageReturnUrl!;
        }

        var request = context.Request;
        var path = (request.PathBase + request.Path).ToUriComponent();
        var withQuery = path + request.QueryString.ToUriComponent();
        return HttpMethods.IsGet(request.Method) && LocalReturnUrl.IsLocal(withQuery) ? withQuery
            : LocalReturnUrl.IsLocal(path) ? path
            : DefaultReturnPath;
    }

    /// <summary>Remembers <paramref name="language"/> on this browser.</summary>
    public void Remember(HttpResponse response, SiteLanguage language)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(language);
        response.Cookies.Append(CookieName, language.Code, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = Https,
            // None, not Lax: the hub's SAML endpoints answer cross-site POSTs (the RP's AuthnRequest, the IDP's
            // Response) with a page, which must be in the citizen's language too. Over plain http (start-dev's
            // 127.0.0.1 fallback) every app is one site, and browsers refuse None without Secure.
            SameSite = Https ? SameSiteMode.None : SameSiteMode.Lax,
            MaxAge = CookieLifetime,
            // Strictly necessary: it carries out the citizen's own request to see the service in their language.
            IsEssential = true,
        });
    }

    /// <summary>
    /// Hides the language navigation on this response: a SAML HTTP-POST binding page carries a one-time message, and a
    /// link away from it would lose that message (ADR 0015).
    /// </summary>
    public static void HideNavigation(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[HiddenItemKey] = true;
    }

    /// <summary>True when this response's page asked for no language navigation.</summary>
    public static bool IsNavigationHidden(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.ContainsKey(HiddenItemKey);
    }
}
