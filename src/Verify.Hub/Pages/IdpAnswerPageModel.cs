using Microsoft.AspNetCore.Mvc;

using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Saml.Errors;
using Verify.Web.Saml;

namespace Verify.Hub.Pages;

/// <summary>
/// A page that takes an IDP's answer (the SAML ACS, the OpenID Connect client callback): once the answer is
/// trusted, the journey steps the same way for both (ARCHITECTURE.md step 3) — a refusal by the journey's rules
/// changes nothing, a matching RP's query goes out, a hub-asserted success is answered at once.
/// </summary>
public abstract class IdpAnswerPageModel : HubPageModel
{
    private const string NoJourneyError = "NoJourney";

    private protected IdpAnswerPageModel(HubServices services)
        : base(services)
    {
    }

    /// <summary>The refusal shown to the citizen, when there is one.</summary>
    public SamlError? Refusal { get; private protected set; }

    /// <summary>The form to the RP, when the journey ended in success.</summary>
    public SamlPostForm? PostForm { get; private set; }

    /// <summary>True when the page shows a refusal whose details the hub does not publish (no reference to quote).</summary>
    public bool GenericRefusal { get; private protected set; }

    /// <summary>
    /// The journey, named by <paramref name="cookie"/>, that waits on an IDP's answer, within the rate limits; otherwise
    /// the result to give instead: the 429 page, "no session" (an answer that belongs to no journey of this browser's
    /// is refused and audited without being read further), or the journey's own page (timed out, or already answered).
    /// </summary>
    private protected async Task<(JourneyRecord Journey, IdpSelectedState Selected)?> WaitingJourneyAsync(string cookie, CancellationToken cancellationToken)
    {
        // The rate-limit counter and the journey are asked for together (one round trip to Redis, not two); a journey
        // read for a request over the limit is only dropped.
        var within = WithinLimitsAsync(null, cancellationToken);
        var found = Services.Journeys.FindAsync(Request, cookie, cancellationToken);
        await Task.WhenAll(within, found).ConfigureAwait(false);
        if (!await within.ConfigureAwait(false))
        {
            Instead = Page();
            return null;
        }

        var journey = await found.ConfigureAwait(false);
        if (journey is null)
        {
            HubLog.NoJourney(Services.Logger, Request.Path);
            await Services.Audit.IdpResponseRefusedAsync(null, NoJourneyError, null, null, cancellationToken).ConfigureAwait(false);
            Instead = Redirect(HubPaths.NoSession);
            return null;
        }

        Journey = journey;
        if (journey.State is not IdpSelectedState selected)
        {
            Instead = ToStatePage();
            return null;
        }

        return (journey, selected);
    }

    /// <summary>What to answer when <see cref="WaitingJourneyAsync"/> found no journey waiting.</summary>
    private protected IActionResult Instead { get; private set; } = new EmptyResult();

    private protected async Task<IActionResult> ApplyAsync(JourneyRecord journey, JourneyStep step, IHubDirectory directory, CancellationToken cancellationToken)
    {
        // A hub-asserted success for a SAML RP is answered here and now, so it is not stored only to be deleted by the
        // answer a moment later: the answer's compare-and-swap is the step's one write (an OIDC RP's authorization
        // endpoint answers from the journey as stored).
        var result = await Services.Journeys.StepAsync(journey, step, cancellationToken,
            next => next.State is NonMatchingJourneySuccessState && RpAnswerer.AnswersAtOnce(next, directory)).ConfigureAwait(false);
        if (result.Status is StepStatus.Written or StepStatus.ToAnswer)
        {
            Journey = result.Journey;

            // Matching RPs: the query goes out off this request; the citizen waits on a page any node can serve.
            Services.Matching.Dispatch(Journey);
            if (Journey.State is not NonMatchingJourneySuccessState)
            {
                return ToStatePage();
            }

            PostForm = await Services.Answerer.AnswerAsync(Journey, directory, cancellationToken).ConfigureAwait(false);
            if (PostForm is not null)
            {
                HubLog.RpAnswered(Services.Logger, Journey.Rp.RpId, "success");
                JourneyCookies.Clear(Response, Services.Endpoints.IsHttps);
                return Page();
            }

            if (result.Status == StepStatus.Written)
            {
                return ToStatePage();
            }

            // Another request changed the journey before the answer could remove it: this step had no effect.
            Journey = journey;
            result = await Services.Journeys.LostAsync(journey, step.Name, cancellationToken).ConfigureAwait(false);
        }

        switch (result.Status)
        {
            case StepStatus.Refused:
                // A valid message the journey's rules refuse (e.g. a level the RP does not accept): nothing changes.
                HubLog.StepRefused(Services.Logger, step.Name, journey.State.Name, result.Refusal!.Message);
                Refusal = new SamlError(SamlErrorCode.None, "The company's answer does not meet this service's rules.");
                Response.StatusCode = 400;
                return Page();
            case StepStatus.Gone:
                return Redirect(HubPaths.NoSession);
            default:
                HubLog.StepConflict(Services.Logger, step.Name, result.Journey.State.Name);
                Journey = result.Journey;
                return ToStatePage();
        }
    }
}
