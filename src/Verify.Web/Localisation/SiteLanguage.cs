namespace Verify.Web.Localisation;

/// <summary>
/// A language a Verify web app can show its pages in: the BCP 47 code that goes into <c>lang</c> and
/// <c>hreflang</c> and names the resource culture, and the language's own name, which the language navigation shows
/// in that language whatever the page's language is (GOV.UK Design System, language navigation).
/// </summary>
/// <param name="Code">The neutral culture code, e.g. <c>cy</c> (a neutral culture: see ADR 0015 on invariant globalisation).</param>
/// <param name="Name">The language's name in itself, e.g. <c>Cymraeg</c>.</param>
public sealed record SiteLanguage(string Code, string Name)
{
    /// <summary>English, the default.</summary>
    public static SiteLanguage English { get; } = new("en", "English");

    /// <summary>Welsh (Welsh Language Act 1993: public services in Wales treat Welsh no less favourably).</summary>
    public static SiteLanguage Welsh { get; } = new("cy", "Cymraeg");
}
