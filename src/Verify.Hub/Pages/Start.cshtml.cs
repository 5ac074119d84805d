using Microsoft.AspNetCore.Mvc;

using Verify.Hub.Auditing;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;

namespace Verify.Hub.Pages;

/// <summary>
/// The start page: is the citizen signing in with an identity account they have, or registering one? The answer
/// travels with the journey (VERIFY-REFERENCE.md: transitions depend on it).
/// </summary>
public sealed class StartModel(HubServices services) : HubPageModel(services)
{
    /// <summary>The citizen's answer: <c>sign-in</c> or <c>registration</c>.</summary>
    [BindProperty]
    public string? Intent { get; set; }

    /// <summary>True when the form came back without an answer.</summary>
    public bool MissingAnswer { get; private set; }

    /// <summary>Shows the question.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        if (Journey!.State is not (SessionStartedState or IdpSelectedState))
        {
            return ToStatePage();
        }

        Intent = IntentText(Journey.Intent);
        return Page();
    }

    /// <summary>Records the answer (SessionStarted) and goes on to choosing a company.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        if (ParseIntent(Intent) is not { } intent)
        {
            MissingAnswer = true;
            Response.StatusCode = 400;
            return Page();
        }

        if (Journey!.State is not SessionStartedState)
        {
            // Back from a chosen company: the choice page carries the new answer; SelectIdp records it.
            return Journey.State is IdpSelectedState ? Redirect($"{HubPaths.ChooseCompany}?intent={IntentText(intent)}") : ToStatePage();
        }

        var step = await Services.Journeys.StepAsync(
            Journey, new JourneyStep(JourneyStepKind.DeclareIntent, "DeclareIntent", j => Services.Journeys.Machine.DeclareIntent(j, intent)), cancellationToken)
            .ConfigureAwait(false);
        if (!step.Written)
        {
            HubLog.StepConflict(Services.Logger, "DeclareIntent", step.Journey.State.Name);
        }

        return Redirect(HubPaths.ChooseCompany);
    }

    internal static JourneyIntent? ParseIntent(string? text) => text switch
    {
        "sign-in" => JourneyIntent.SignIn,
        "registration" => JourneyIntent.Registration,
        _ => null,
    };

    internal static string? IntentText(JourneyIntent? intent) => intent switch
    {
        JourneyIntent.SignIn => "sign-in",
        JourneyIntent.Registration => "registration",
        _ => null,
    };
}
