using Microsoft.AspNetCore.Mvc;

using Verify.Hub.Journey.States;

namespace Verify.Hub.Pages;

/// <summary>
/// Where the journey is. For a journey that ended without a page of its own (success or cancel whose answer was not
/// delivered, e.g. after a refresh) it offers to continue to the service; otherwise it redirects to the state's page.
/// </summary>
public sealed class ContinueModel(HubServices services) : HubPageModel(services)
{
    /// <summary>Shows or redirects.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        var path = PathFor(Journey!);
        return path == HubPaths.Continue && Journey!.State.IsTerminal ? Page() : Redirect(path == HubPaths.Continue ? HubPaths.NoSession : path);
    }

    /// <summary>True when the journey ended in success (verified; matched, or an account created, for a matching RP).</summary>
    public bool Succeeded => Journey?.State is NonMatchingJourneySuccessState or SuccessfulMatchState or UserAccountCreatedState;
}
