using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Verify.Audit.Events;
using Verify.Hub.Directory;
using Verify.Hub.Journey.Model;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Hub.Saml;
using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.Saml.Trust;
using Verify.Saml.Validation;

namespace Verify.Hub.Pages.Saml;

/// <summary>
/// RP → hub AuthnRequest, HTTP-POST or HTTP-Redirect (ARCHITECTURE.md step 1): validated against the RP's registered
/// key and ACS, then a journey starts (SessionStarted) and the citizen goes to the start page. A refused request
/// starts nothing and shows the citizen what to do.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class SsoModel(HubServices services) : HubPageModel(services)
{
    /// <summary>The refusal shown to the citizen, when there is one.</summary>
    public SamlError? Refusal { get; private set; }

    /// <summary>HTTP-Redirect binding.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await WithinLimitsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            return Page();
        }

        try
        {
            var message = RedirectBinding.Decode(Request.QueryString.Value?.TrimStart('?') ?? "");
            var directory = await Services.Directory.GetAsync(cancellationToken).ConfigureAwait(false);
            var valid = await Services.AuthnRequests.ValidateRedirectAsync(
                message, Services.Endpoints.SingleSignOn.AbsoluteUri, issuer => SenderOf(directory, issuer), cancellationToken).ConfigureAwait(false);
            return await StartAsync(valid, directory, cancellationToken).ConfigureAwait(false);
        }
        catch (SamlException refused)
        {
            return await RefuseAsync(refused, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>HTTP-POST binding.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await WithinLimitsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            return Page();
        }

        try
        {
            var message = PostBinding.Decode(await FormFields.ReadAsync(Request, cancellationToken).ConfigureAwait(false));
            var directory = await Services.Directory.GetAsync(cancellationToken).ConfigureAwait(false);
            var valid = await Services.AuthnRequests.ValidatePostAsync(
                message, Services.Endpoints.SingleSignOn.AbsoluteUri, issuer => SenderOf(directory, issuer), cancellationToken).ConfigureAwait(false);
            return await StartAsync(valid, directory, cancellationToken).ConfigureAwait(false);
        }
        catch (SamlException refused)
        {
            return await RefuseAsync(refused, cancellationToken).ConfigureAwait(false);
        }
    }

    private AuthnRequestSender? SenderOf(IHubDirectory directory, string issuer)
    {
        if (directory.FindRelyingParty(issuer) is not { } rp)
        {
            return null;
        }

        // Signatures are checked against the key registered for that party (pinned or pkix, per registration).
        return new AuthnRequestSender(rp.EntityId, Services.Trust.SigningKeys(rp.Trust), rp.AssertionConsumerServices);
    }

    private async Task<IActionResult> StartAsync(Valid<ValidAuthnRequest> valid, IHubDirectory directory, CancellationToken cancellationToken)
    {
        var request = valid.Value;
        if (!await WithinLimitsAsync(request.Issuer, cancellationToken).ConfigureAwait(false))
        {
            return Page();
        }

        var rp = directory.FindRelyingParty(request.Issuer)!;
        var journey = Services.Journeys.Machine.Start(new RpRequest(
            rp.EntityId,
            request.Request.Id,
            request.RelayState,
            rp.Levels,
            rp.Matching?.ForJourney(),
            new Dictionary<string, string> { [RpAnswerer.AcsKey] = request.AssertionConsumerServiceUrl }));
        journey = await Services.Journeys.CreateAsync(journey, AuditProtocol.Saml, cancellationToken).ConfigureAwait(false);
        JourneyCookies.Set(Response, journey.Id, Services.Endpoints.IsHttps);
        HubLog.JourneyStarted(Services.Logger, rp.EntityId);
        return Redirect(HubPaths.Start);
    }

    private async Task<PageResult> RefuseAsync(SamlException refused, CancellationToken cancellationToken)
    {
        HubLog.AuthnRequestRefused(Services.Logger, SamlErrors.IdOf(refused.Code));
        await Services.Audit.AuthnRequestRefusedAsync(AuditProtocol.Saml, refused.Code, cancellationToken).ConfigureAwait(false);
        Refusal = SamlErrors.Describe(refused.Code);
        Response.StatusCode = 400;
        return Page();
    }
}
