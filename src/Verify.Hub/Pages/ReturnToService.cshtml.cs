using Microsoft.AspNetCore.Mvc;

using Verify.Hub.Auditing;
using Verify.Hub.Journey.Outcomes;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Web.Saml;

namespace Verify.Hub.Pages;

/// <summary>
/// "Go back to the service": ends the journey if it is still going (cancel: the RP hears Responder + NoAuthnContext,
/// <c>cancelled</c>) and answers the RP with the journey's outcome. Only a POST with the form's antiforgery token.
/// </summary>
public sealed class ReturnToServiceModel(HubServices services) : HubPageModel(services)
{
    /// <summary>The form to the RP.</summary>
    public SamlPostForm? PostForm { get; private set; }

    /// <summary>A GET only shows where the journey is.</summary>
    public IActionResult OnGet() => Redirect(HubPaths.Continue);

    /// <summary>Answers the RP.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        var journey = Journey!;
        // States with an answer (ended, or an error the citizen may still recover from) are answered as they are;
        // a journey still in progress is cancelled first.
        if (RpOutcomes.For(journey.State) is null)
        {
            var step = await Services.Journeys.StepAsync(
                journey, new JourneyStep(JourneyStepKind.Cancel, "Cancel", j => Services.Journeys.Machine.Cancel(j)), cancellationToken).ConfigureAwait(false);
            if (!step.Written)
            {
                HubLog.StepRefused(Services.Logger, "Cancel", journey.State.Name, step.Status.ToString());
                Journey = step.Journey;
                return step.Status == StepStatus.Gone ? NoSession() : ToStatePage();
            }

            journey = step.Journey;
        }

        var directory = await Services.Directory.GetAsync(cancellationToken).ConfigureAwait(false);
        PostForm = await Services.Answerer.AnswerAsync(journey, directory, cancellationToken).ConfigureAwait(false);
        if (PostForm is null)
        {
            // Another request answered the RP first.
            return NoSession();
        }

        HubLog.RpAnswered(Services.Logger, journey.Rp.RpId, journey.State.Name);
        JourneyCookies.Clear(Response, Services.Endpoints.IsHttps);
        return Page();
    }
}
