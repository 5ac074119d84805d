using System.Globalization;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

using Verify.Web.Hosting;

namespace Verify.Web.Localisation;

/// <summary>
/// Turns on more than one language for an app (ADR 0015): the request's culture from the language cookie, the
/// language navigation in the page template, and the switch endpoint. Every app already has
/// <c>IStringLocalizer</c> (<see cref="VerifyWebHost.CreateBuilder"/>); one that does not call these shows English.
/// </summary>
public static class VerifyLanguagesExtensions
{
    /// <summary>Offers English and Welsh; a refused return URL goes to <paramref name="defaultReturnPath"/>.</summary>
    public static IServiceCollection AddVerifyLanguages(this IServiceCollection services, string defaultReturnPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        SiteLanguage[] languages = [SiteLanguage.English, SiteLanguage.Welsh];
        foreach (var language in languages)
        {
            EnsureCultureExists(language);
        }

        services.AddSingleton(provider =>
            new LanguageSwitch(languages, defaultReturnPath, provider.GetRequiredService<WebAppEndpoint>().IsHttps));
        return services;
    }

    /// <summary>
    /// Sets each request's culture from the language cookie and maps <c>GET /language/{code}?returnUrl=…</c>. Call
    /// after <see cref="VerifyWebHost.UseVerifyWebDefaults"/>, before the app's pages.
    /// </summary>
    public static WebApplication UseVerifyLanguages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var languages = app.Services.GetRequiredService<LanguageSwitch>();
        var cultures = languages.Languages.Select(l => CultureInfo.GetCultureInfo(l.Code)).ToList();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(cultures[0]),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = false,
            FallBackToParentUICultures = false,
            RequestCultureProviders = [new LanguageCookieCultureProvider(languages)],
            ApplyCurrentCultureToResponseHeaders = true,
        });

        // A GET that changes nothing but the cookie (never the journey), then back to a local page: the page template
        // links here, so it works without JavaScript. Referrer-Policy is no-referrer, so the page names itself.
        app.MapGet(LanguageSwitch.PathPrefix + "{language}", (string language, HttpContext context) =>
        {
            if (languages.Find(language) is not { } chosen)
            {
                return Results.NotFound();
            }

            languages.Remember(context.Response, chosen);
            var returnUrl = context.Request.Query[LanguageSwitch.ReturnUrlParameter].ToString();
            return Results.Redirect(LocalReturnUrl.IsLocal(returnUrl) ? returnUrl : languages.DefaultReturnPath);
        });
        return app;
    }

    // Directory.Build.props keeps InvariantGlobalization (no ICU); a culture other than the invariant one then exists
    // only when PredefinedCulturesOnly is false in the host's runtimeconfig. Fail at start-up, not on a citizen's page.
    private static void EnsureCultureExists(SiteLanguage language)
    {
        try
        {
            _ = CultureInfo.GetCultureInfo(language.Code);
        }
        catch (CultureNotFoundException missing)
        {
            throw new InvalidOperationException(
                $"The culture '{language.Code}' cannot be created. A host with InvariantGlobalization needs " +
                "<PredefinedCulturesOnly>false</PredefinedCulturesOnly> (System.Globalization.PredefinedCulturesOnly=false in its runtimeconfig.json).",
                missing);
        }
    }
}
