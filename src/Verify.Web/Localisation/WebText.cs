using System.Resources;

[assembly: NeutralResourcesLanguage("en")]

namespace Verify.Web.Localisation;

/// <summary>
/// The texts of the page template and the SAML POST form partial: <c>WebText.resx</c> (English, the neutral
/// resources) and <c>WebText.cy.resx</c> (Welsh), read through <c>IStringLocalizer&lt;WebText&gt;</c>.
/// </summary>
public sealed class WebText
{
    private WebText()
    {
    }
}
