using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Verify.Hub.Localisation;

namespace Verify.Hub.Pages;

/// <summary>
/// A refusal shown again by GET (<see cref="HubPaths.Error"/>): where the language switch on a refusal page returns
/// to, since the SSO and ACS endpoints cannot be asked again (ADR 0015). It reads nothing but its query, which names
/// a kind and a code of the catalogue, and changes nothing.
/// </summary>
public sealed class RefusedModel : PageModel
{
    /// <summary>What the page says.</summary>
    public RefusalNotice? Notice { get; private set; }

    /// <summary>Shows the refusal, or where the journey is when the query names none.</summary>
    public IActionResult OnGet(
        [FromQuery(Name = RefusalNotice.KindParameter)] string? kind, [FromQuery(Name = RefusalNotice.ReferenceParameter)] string? reference)
    {
        Notice = RefusalNotice.Parse(kind, reference);
        return Notice is null ? Redirect(HubPaths.Continue) : Page();
    }
}
