using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Verify.Web.Localisation;

/// <summary>
/// The request's language from the <see cref="LanguageSwitch.CookieName"/> cookie, and from nothing else: no
/// Accept-Language, no query string (ADR 0015). Without the cookie the middleware uses the default, English.
/// </summary>
internal sealed class LanguageCookieCultureProvider(LanguageSwitch languages) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return languages.Find(httpContext.Request.Cookies[LanguageSwitch.CookieName]) is { } language
            ? Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language.Code))
            : NullProviderCultureResult;
    }
}
