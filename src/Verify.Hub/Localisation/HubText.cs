using System.Resources;

[assembly: NeutralResourcesLanguage("en")]

namespace Verify.Hub.Localisation;

/// <summary>
/// Every text of the hub's pages: <c>HubText.resx</c> (English, the neutral resources) and <c>HubText.cy.resx</c>
/// (Welsh), read through <c>IStringLocalizer&lt;HubText&gt;</c> (ADR 0015). Keys name the page and the part
/// (<c>Start.Heading</c>), so a key a page asks for and the resources lack shows up as itself, and a test finds it.
/// </summary>
public sealed class HubText
{
    private HubText()
    {
    }
}
