using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

using OpenIddict.Client.AspNetCore;

using Verify.Hub.Journey;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Hub.Oidc.Client;

namespace Verify.Hub.Pages.Oidc.Client;

/// <summary>
/// OIDC IDP → hub authorization response (ARCHITECTURE.md step 3 for an IDP that speaks OpenID Connect, ADR 0022).
/// The journey comes from the pages cookie (the answer is a top-level GET redirect, which carries a Lax cookie); only
/// a journey waiting on an OIDC IDP lets OpenIddict redeem the code, so a replayed or stray answer costs the IDP no
/// token request. The state must carry this journey's binding; the ID token passes OpenIddict's checks and the
/// hub's. Each outcome is then the same step as the SAML ACS takes; a refusal changes nothing and is audited once.
/// </summary>
public sealed class CallbackModel(HubServices services) : IdpAnswerPageModel(services)
{
    /// <summary>Takes the IDP's answer.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await WaitingJourneyAsync(JourneyCookies.Pages, cancellationToken).ConfigureAwait(false) is not { } waiting)
        {
            return Instead;
        }

        var (journey, selected) = waiting;

        var directory = await Services.Directory.GetAsync(cancellationToken).ConfigureAwait(false);
        IdpAnswerRead read;
        string? pairwiseId = null;
        try
        {
            if (directory.FindIdentityProvider(selected.Idp.IdpId) is not { Oidc: not null } idp)
            {
                throw new OidcClientException(OidcClientErrorCode.AnswerUnexpected, "The journey's IDP does not speak OpenID Connect.");
            }

            var result = await HttpContext.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false);
            read = await HttpContext.RequestServices.GetRequiredService<OidcCallback>().ReadAsync(
                result, Request.Query["error"].ToString(), Request.Query[OidcCallback.DetailParameter].ToString(), journey, selected.Idp, idp, cancellationToken)
                .ConfigureAwait(false);
            if (read.Identity is not null)
            {
                pairwiseId = directory.FindRelyingParty(journey.Rp.RpId) is { } rp
                    ? Services.Secrets.PairwiseIdentifier(rp.EntityId, selected.Idp.IdpId, read.Identity.PersistentId)
                    : throw new OidcClientException(OidcClientErrorCode.AnswerUnexpected, "The journey's relying party is no longer registered.");
            }
        }
        catch (OidcClientException refused)
        {
            HubLog.OidcAnswerRefused(Services.Logger, refused.ErrorId);
            await Services.Audit.IdpResponseRefusedAsync(journey, refused.ErrorId, selected.Idp.IdpId, selected.Idp.AuthnRequestId, cancellationToken).ConfigureAwait(false);
            Response.StatusCode = 400;
            return Page();
        }

        var inbound = new InboundResponse(selected.Idp.IdpId, selected.Idp.AuthnRequestId);
        var step = IdpAnswerSteps.For(Services.Journeys.Machine, read.Outcome, inbound, read.Identity, pairwiseId, read.Fraud, journey.Rp.UsesMatching ? Verify.Saml.Saml.SamlIds.NewId() : null);
        return await ApplyAsync(journey, step, directory, cancellationToken).ConfigureAwait(false);
    }
}
