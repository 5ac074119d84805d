using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;

using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

using Verify.Audit.Events;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journey.Outcomes;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Hub.Oidc.Provider.Journey;
using Verify.Hub.Oidc.Provider.Tokens;

using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Verify.Hub.Oidc.Provider.Endpoints;

/// <summary>
/// The authorization endpoint after OpenIddict has validated the request (client, exact redirect URI, code flow,
/// PKCE S256, permitted scopes) and cached it as a request token (its <c>request_uri</c>). Without a resume handle it
/// applies the hub's rules and starts a journey, exactly as the SAML SSO endpoint does; with one (the citizen coming
/// back from the hub's answer form) it ends that journey and answers the client: a code, or the outcome's OAuth error.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, OidcProviderContext hub, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var directory = await hub.Directory.GetAsync(cancellationToken).ConfigureAwait(false);

        // OpenIddict has already refused an unknown client; the directory may have changed in between.
        if (request.ClientId is not { } clientId || directory.FindRelyingParty(clientId) is not { Oidc: not null } rp
            || request.RequestUri is not { Length: > 0 } requestUri)
        {
            return await RefuseAsync(http, hub, Errors.InvalidRequest, "client_not_registered", cancellationToken).ConfigureAwait(false);
        }

        if (http.Request.Query[OidcProviderPaths.ResumeParameter] is { Count: > 0 } resume)
        {
            return await AnswerAsync(http, hub, request, rp, requestUri, resume.ToString(), cancellationToken).ConfigureAwait(false);
        }

        var check = AuthorizationRules.Check(request, rp, hub.SigningKeys);
        if (check.Reason == AuthorizationRules.IdTokenAlgUnavailable)
        {
            // The operator's to fix (a registration the hub's keys cannot serve): said in the log, not to the client.
            OidcProviderLog.IdTokenKeyMissing(hub.Logger, Keys.IdTokenSigning.MissingKey(rp.EntityId, rp.Oidc?.IdTokenSignedResponseAlg ?? "", hub.SigningKeys.Ec is not null) ?? "");
        }


        if (!check.IsAllowed)
        {
            return await RefuseAsync(http, hub, check.Error!, check.Reason!, cancellationToken).ConfigureAwait(false);
        }

        // The journey keeps what the answer needs: the request token's URI names the validated request (redirect URI,
        // nonce, PKCE challenge, scopes), and the state comes back to the client unchanged. A matching RP's journey
        // also keeps its matching settings, and the redirect URI (exactly as registered, OpenIddict checked it) is
        // where the RP is answered: the matching service's statement is addressed to it (ADR 0026).
        var journey = hub.Journeys.Machine.Start(new RpRequest(
            rp.EntityId,
            requestUri,
            request.State,
            check.Levels!,
            rp.Matching?.ForJourney(),
            rp.Matching is null || request.RedirectUri is not { } redirectUri ? null : new Dictionary<string, string>
            {
                [RpAnswerer.AcsKey] = redirectUri,
                [RpAnswerer.MatchingRequestIdKey] = Verify.Saml.Saml.SamlIds.NewId(),
            }));
        journey = await hub.Journeys.CreateAsync(journey, AuditProtocol.Oidc, cancellationToken).ConfigureAwait(false);
        JourneyCookies.Set(http.Response, journey.Id, hub.Endpoints.IsHttps);
        HubLog.JourneyStarted(hub.Logger, rp.EntityId);
        return Results.Redirect(HubPaths.Start);
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext http, OidcProviderContext hub, OpenIddictRequest request, Directory.HubRelyingParty rp, string requestUri, string handle,
        CancellationToken cancellationToken)
    {
        // The handle names a journey; that journey must be this client's, for this very request, and over.
        var journey = hub.Resume.Read(handle) is { } id ? await hub.Journeys.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (journey is null || journey.Rp.RpId != rp.EntityId || journey.Rp.RequestId != requestUri
            || RpOutcomes.For(journey.State) is not { } outcome)
        {
            return await RefuseAsync(http, hub, Errors.InvalidRequest, "resume_not_valid", cancellationToken).ConfigureAwait(false);
        }

        // Compare-and-swap delete: one answer per journey, and no personal data outlives it.
        if (!await hub.Journeys.FinishAsync(journey, cancellationToken).ConfigureAwait(false))
        {
            return Results.Redirect(HubPaths.NoSession);
        }

        var citizen = outcome.IsSuccess ? VerifiedCitizen.Of(journey.State) : null;
        // The journey's own outcome (e.g. access_denied), audited as ResponseSentToRp below, not as a refusal.
        http.Items[RefusalAudit.AuditedKey] = true;
        var principal = citizen is null ? null : CitizenPrincipal.Create(citizen, rp, request, hub.Secrets, RpMatchOutcome.Of(journey, citizen));
        await hub.Audit.MatchingNoAnswerAsync(journey, cancellationToken).ConfigureAwait(false);
        await hub.Audit.ResponseSentToRpAsync(journey, outcome, principal?.FindFirst(Claims.Subject)?.Value, cancellationToken).ConfigureAwait(false);
        JourneyCookies.Clear(http.Response, hub.Endpoints.IsHttps);
        HubLog.RpAnswered(hub.Logger, rp.EntityId, journey.State.Name);
        return principal is null
            ? OidcResults.Error(outcome.OidcError ?? Errors.AccessDenied, outcome.Detail)
            : Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> RefuseAsync(HttpContext http, OidcProviderContext hub, string error, string reason, CancellationToken cancellationToken)
    {
        http.Items[RefusalAudit.AuditedKey] = true;
        await hub.Audit.OidcAuthorizationRefusedAsync(reason, cancellationToken).ConfigureAwait(false);
        return OidcResults.Error(error, reason);
    }
}
