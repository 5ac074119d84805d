using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Saml.Bindings;
using Verify.Saml.Saml;
using Verify.Web.Saml;

namespace Verify.Hub.Pages;

/// <summary>
/// Choose a certified company: only the IDPs enabled for this RP, for signing in or registering, at a level the RP
/// accepts, in a stable order, the one used last on this browser preselected. Choosing one sends the citizen to it
/// with a hub-signed AuthnRequest (IdpSelected); choosing again ("try another company") is allowed from the states
/// VERIFY-REFERENCE.md lists.
/// </summary>
public sealed class ChooseCompanyModel(HubServices services) : HubPageModel(services)
{
    /// <summary>Remembers the last company chosen on this browser (an entity ID, nothing personal).</summary>
    internal const string LastIdpCookie = "verify-last-idp";

    /// <summary>The chosen IDP's entity ID.</summary>
    [BindProperty]
    public string? Idp { get; set; }

    /// <summary>Signing in or registering (carried from the start page, or changed by coming back to it).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Intent { get; set; }

    /// <summary>The companies offered.</summary>
    public IReadOnlyList<HubIdentityProvider> Companies { get; private set; } = [];

    /// <summary>The company used last on this browser, when it is offered.</summary>
    public string? LastUsed { get; private set; }

    /// <summary>True when the form came back without a valid choice.</summary>
    public bool MissingChoice { get; private set; }

    /// <summary>The form to the IDP, once a company is chosen.</summary>
    public SamlPostForm? PostForm { get; private set; }

    /// <summary>Shows the companies.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        if (!CanChoose(Journey!.State))
        {
            return ToStatePage();
        }

        Intent ??= StartModel.IntentText(Journey.Intent);
        if (StartModel.ParseIntent(Intent) is not { } intent)
        {
            return Redirect(HubPaths.Start);
        }

        await OfferAsync(intent, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>Selects the company and sends the citizen there.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NoSession();
        }

        if (StartModel.ParseIntent(Intent) is not { } intent)
        {
            HubLog.FormRefused(Services.Logger, Request.Path, "intent");
            return Redirect(HubPaths.Start);
        }

        var directory = await Services.Directory.GetAsync(cancellationToken).ConfigureAwait(false);
        var journey = Journey!;
        if (directory.IdentityProvidersFor(journey.Rp.RpId, intent).FirstOrDefault(i => i.EntityId == Idp) is not { } idp)
        {
            MissingChoice = true;
            Response.StatusCode = 400;
            await OfferAsync(intent, cancellationToken).ConfigureAwait(false);
            return Page();
        }

        var requestId = SamlIds.NewId();
        var step = await Services.Journeys.StepAsync(
            journey,
            new JourneyStep(JourneyStepKind.SelectIdp, "SelectIdp", j => Services.Journeys.Machine.SelectIdp(j, new IdpSelection(idp.EntityId, intent, requestId), directory)),
            cancellationToken)
            .ConfigureAwait(false);
        switch (step.Status)
        {
            case StepStatus.Written:
                break;
            case StepStatus.Conflict when step.Journey.State is IdpSelectedState:
                // A double submit: the other request chose; send the citizen on with its request, not a second one.
                HubLog.StepConflict(Services.Logger, "SelectIdp", step.Journey.State.Name);
                break;
            case StepStatus.Refused:
                HubLog.StepRefused(Services.Logger, "SelectIdp", journey.State.Name, step.Refusal!.Message);
                return ToStatePage();
            default:
                Journey = step.Journey;
                return step.Status == StepStatus.Gone ? NoSession() : ToStatePage();
        }

        var selected = ((IdpSelectedState)step.Journey.State).Idp;
        var chosen = directory.FindIdentityProvider(selected.IdpId)!;
        var request = Services.IdpRequests.Create(chosen, selected.AuthnRequestId, selected.RequestedLevel);
        Response.Cookies.Append(LastIdpCookie, chosen.EntityId, new CookieOptions
        {
            HttpOnly = true,
            Secure = Services.Endpoints.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        PostForm = new SamlPostForm(
            chosen.SingleSignOnService,
            "SAMLRequest",
            PostBinding.Encode(request),
            Services.Secrets.IdpRelayState(step.Journey.Id, selected.AuthnRequestId),
            $"Sending you to {chosen.DisplayName}");
        return Page();
    }

    private static bool CanChoose(Verify.Hub.Journey.States.JourneyState state) =>
        state is SessionStartedState or IdpSelectedState or AuthnFailedErrorState or FraudEventDetectedState or RequesterErrorState;

    private async Task OfferAsync(JourneyIntent intent, CancellationToken cancellationToken)
    {
        var directory = await Services.Directory.GetAsync(cancellationToken).ConfigureAwait(false);
        Companies = directory.IdentityProvidersFor(Journey!.Rp.RpId, intent);
        var last = Request.Cookies[LastIdpCookie];
        LastUsed = Companies.Any(c => c.EntityId == last) ? last : null;
        Idp ??= LastUsed;
    }
}
