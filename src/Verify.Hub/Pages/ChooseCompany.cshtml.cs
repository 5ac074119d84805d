using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;

using Verify.Hub.Auditing;
using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Hub.Oidc.Client;
using Verify.Saml.Bindings;
using Verify.Saml.Saml;
using Verify.Web.Saml;
using Verify.Web.Security;

namespace Verify.Hub.Pages;

/// <summary>
/// Choose a certified company: only the IDPs enabled for this RP, for signing in or registering, at a level the RP
/// accepts, in a stable order, the one used last on this browser preselected. Choosing one sends the citizen to it
/// (IdpSelected) with a hub-signed AuthnRequest, or for an OpenID Connect IDP an authorization request (ADR 0022);
/// choosing again ("try another company") is allowed from the states VERIFY-REFERENCE.md lists.
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
    public bool MissingChoice => ErrorKey == "Choose.Error";

    /// <summary>The resource key of the form's error, when there is one.</summary>
    public string? ErrorKey { get; private set; }

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
            ErrorKey = "Choose.Error";
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
        Response.Cookies.Append(LastIdpCookie, chosen.EntityId, new CookieOptions
        {
            HttpOnly = true,
            Secure = Services.Endpoints.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        if (chosen.Oidc is not null)
        {
            return await ChallengeOidcAsync(chosen, step.Journey, selected, intent, cancellationToken).ConfigureAwait(false);
        }

        var request = Services.IdpRequests.Create(chosen, selected.AuthnRequestId, selected.RequestedLevel);
        PostForm = new SamlPostForm(
            chosen.SingleSignOnService!,
            "SAMLRequest",
            PostBinding.Encode(request),
            Services.Secrets.IdpRelayState(step.Journey.Id, selected.AuthnRequestId),
            $"Sending you to {chosen.DisplayName}");
        return Page();
    }

    // ADR 0022: OpenIddict builds the authorization request (code, PKCE S256, nonce, state token) and redirects; the
    // state token carries the journey binding the callback checks, and nothing about the RP.
    private async Task<IActionResult> ChallengeOidcAsync(
        HubIdentityProvider chosen, JourneyRecord journey, Verify.Hub.Journey.Model.SelectedIdp selected, JourneyIntent intent, CancellationToken cancellationToken)
    {
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.RegistrationId] = chosen.Oidc!.Issuer,
            [OidcCallback.BindingItem] = Services.Secrets.IdpRelayState(journey.Id, selected.AuthnRequestId),
        })
        {
            RedirectUri = HubPaths.Continue,
        };
        properties.SetParameter(OidcCallback.AcrValuesParameter, selected.RequestedLevel.AuthnContext);
        try
        {
            // ADR 0021 addendum: the authentication middleware runs on OpenIddict's paths only; this page prepares the client itself.
            await OidcAuthentication.PrepareClientChallengeAsync(HttpContext).ConfigureAwait(false);
            await HttpContext.ChallengeAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme, properties).ConfigureAwait(false);
            Response.Headers["Referrer-Policy"] = "no-referrer";
            return new EmptyResult();
        }
        catch (Exception unreachable) when (OidcCallback.IsIdpUnavailable(unreachable))
        {
            // The IDP's discovery document could not be read: the journey stays at IdpSelected, so the citizen may try
            // again or choose another company.
            HubLog.OidcIdpUnavailable(Services.Logger, unreachable.GetType().Name);
            ErrorKey = "Choose.Unavailable";
            Response.StatusCode = 503;
            await OfferAsync(intent, cancellationToken).ConfigureAwait(false);
            return Page();
        }
    }

    private async Task AllowAuthorizationEndpointAsync(string issuer, CancellationToken cancellationToken)
    {
        HttpContext.AllowFormAction(new Uri(issuer));
        try
        {
            // The discovery document is cached by the registration; a slow or unreachable IDP does not hold up the page.
            var registration = await HttpContext.RequestServices.GetRequiredService<OpenIddictClientService>()
                .GetClientRegistrationByIdAsync(issuer, cancellationToken).ConfigureAwait(false);
            var configuration = await registration.ConfigurationManager!.GetConfigurationAsync(cancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            if (configuration.AuthorizationEndpoint is { } endpoint)
            {
                HttpContext.AllowFormAction(endpoint);
            }
        }
        catch (Exception unreachable) when (OidcCallback.IsIdpUnavailable(unreachable) || unreachable is TimeoutException)
        {
            HubLog.OidcIdpUnavailable(Services.Logger, unreachable.GetType().Name);
        }
    }

    private static bool CanChoose(Verify.Hub.Journey.States.JourneyState state) =>
        state is SessionStartedState or IdpSelectedState or AuthnFailedErrorState or FraudEventDetectedState or RequesterErrorState;

    private async Task OfferAsync(JourneyIntent intent, CancellationToken cancellationToken)
    {
        var directory = await Services.Directory.GetAsync(cancellationToken).ConfigureAwait(false);
        Companies = directory.IdentityProvidersFor(Journey!.Rp.RpId, intent);
        foreach (var company in Companies.Where(c => c.Oidc is not null))
        {
            // CSP 3: form-action also governs where this form's POST redirects, so the OIDC IDPs' authorization
            // endpoints must be allowed on the page that holds the form.
            await AllowAuthorizationEndpointAsync(company.Oidc!.Issuer, cancellationToken).ConfigureAwait(false);
        }

        var last = Request.Cookies[LastIdpCookie];
        LastUsed = Companies.Any(c => c.EntityId == last) ? last : null;
        Idp ??= LastUsed;
    }
}
