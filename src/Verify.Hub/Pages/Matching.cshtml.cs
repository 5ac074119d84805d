using System.Globalization;

using Microsoft.AspNetCore.Mvc;

using Verify.Hub.Journey.States;

namespace Verify.Hub.Pages;

/// <summary>
/// The waiting page while the matching service is asked (ADR 0018). It only reads the journey, so any hub node can
/// serve it: while the answer is awaited it shows progress and reloads itself (the HTTP <c>Refresh</c> header: no
/// JavaScript, nothing for the content security policy to allow) and offers a Continue button that does the same;
/// once the answer is stored, or overdue, it sends the citizen to the page for the journey's state.
/// </summary>
public sealed class MatchingModel(HubServices services) : HubPageModel(services)
{
    /// <summary>Shows progress, or the page for where the journey is now.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        if (Journey!.State is not IMatchingRequestPending)
        {
            return ToStatePage();
        }

        // HTML "shared declarative refresh steps": the same URL again after a few seconds, with no script.
        var seconds = (int)Math.Ceiling(Services.Options.Matching.WaitingPageRefresh.TotalSeconds);
        Response.Headers["Refresh"] = seconds.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>True while the citizen's extra identifier is being checked (cycle 3).</summary>
    public bool CheckingFurtherInformation => Journey?.State is Cycle3MatchRequestSentState;

    /// <summary>True while an account is being created.</summary>
    public bool CreatingAccount => Journey?.State is UserAccountCreationRequestSentState;
}
