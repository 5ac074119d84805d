using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

using Verify.Saml.Bindings;
using Verify.Saml.Samlp;
using Verify.TestRp.Logging;
using Verify.TestRp.Oidc;
using Verify.TestRp.Protocol;
using Verify.TestRp.RequestState;
using Verify.Web.Saml;

namespace Verify.TestRp.Pages;

/// <summary>
/// <c>POST /start</c>: sends the citizen to the hub with a fresh signed AuthnRequest, over HTTP-POST (an
/// auto-submitting form) or HTTP-Redirect (a 303 to the signed URL), and remembers the request in a cookie for the
/// ACS. Antiforgery applies (Razor Pages validate it on every POST): another site cannot start journeys for a citizen.
/// </summary>
internal sealed class StartModel(AuthnRequestFactory requests, PendingRequestCookie cookie, TestRpOptions options, ILogger<StartModel> logger)
    : PageModel
{
    /// <summary>The form the page renders for the HTTP-POST binding.</summary>
    public SamlPostForm? PostForm { get; private set; }

    /// <summary>A GET has nothing to start: back to the start page (a GET never starts a journey).</summary>
    public IActionResult OnGet() => LocalRedirect(TestRpPaths.Start);

    public IActionResult OnPost([FromForm(Name = TestRpPaths.BindingField)] string? binding, [FromForm(Name = TestRpPaths.ServiceField)] string? service)
    {
        binding ??= TestRpPaths.BindingPost;
        if (binding is not (TestRpPaths.BindingPost or TestRpPaths.BindingRedirect))
        {
            return BadRequest();
        }

        // An OIDC registration (ADR 0024): OpenIddict sends the citizen to the hub's authorization endpoint.
        if (options.OidcClients.FirstOrDefault(c => c.Key == service) is { } oidc)
        {
            logger.AuthorizationRequestSent(oidc.ClientId, oidc.RequestedLevels.Count);
            return OidcChallenge.Create(oidc);
        }

        // The registration to sign in with: the RP's own (no value) or one of its other registrations, by key.
        var registration = string.IsNullOrEmpty(service) ? null : options.Services.FirstOrDefault(s => s.Key == service);
        if (!string.IsNullOrEmpty(service) && registration is null)
        {
            return BadRequest();
        }

        var (request, pending) = requests.Create(registration);
        cookie.Write(Response, pending);
        if (binding == TestRpPaths.BindingRedirect)
        {
            var url = requests.RedirectUrl(request, pending.RelayState);
            logger.AuthnRequestSent(request.Id, SamlBindings.HttpRedirect);

            // SAML Bindings 3.4.4: the browser is redirected with a GET; 303 says so whatever the method was.
            Response.Headers.Location = url;
            return StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status303SeeOther);
        }

        var document = requests.SignForPost(request);
        logger.AuthnRequestSent(request.Id, SamlBindings.HttpPost);
        PostForm = new SamlPostForm(options.HubSsoUrl, "SAMLRequest", PostBinding.Encode(document), pending.RelayState, "Sending you to GOV.UK Verify");
        return Page();
    }
}
