using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.StubIdp.Hosting;
using Verify.StubIdp.Logging;
using Verify.StubIdp.Requests;

namespace Verify.StubIdp.Pages;

/// <summary>
/// <c>/{slug}/SAML2/SSO</c>: receives the hub's AuthnRequest (POST: HTTP-POST binding; GET: HTTP-Redirect binding),
/// and sends the browser on to the login page with the validated request sealed in the URL (303, so a refresh or
/// the back button never re-posts it). A refused request gets a 400 page and never reaches the login page.
/// </summary>
/// <remarks>
/// The hub's page posts here from another site, so no cookie of ours can be relied on (a SameSite=Strict
/// antiforgery cookie is not sent): the request's own signature, by the hub's pinned key, is what authenticates it.
/// </remarks>
[IgnoreAntiforgeryToken]
internal sealed class SsoModel(StubIdpOptions options, HubRequestReceiver receiver, PendingRequestProtector protector, ILogger<SsoModel> logger)
    : PageModel
{
    private static readonly string[] BindingFields = ["SAMLRequest", "SAMLResponse", "RelayState"];

    /// <summary>The IDP addressed.</summary>
    public WhiteLabelIdp? Idp { get; private set; }

    /// <summary>Why the request was refused.</summary>
    public RequestRefusal? Refusal { get; private set; }

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken) =>
        ReceiveAsync(slug, async idp => await receiver.ReceivePostAsync(idp, await FormFieldsAsync(cancellationToken), cancellationToken));

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        ReceiveAsync(slug, idp => receiver.ReceiveRedirectAsync(idp, Request.QueryString.Value ?? string.Empty, cancellationToken));

    private async Task<IActionResult> ReceiveAsync(string slug, Func<WhiteLabelIdp, Task<PendingRequest>> receive)
    {
        Idp = options.FindIdp(slug);
        if (Idp is null)
        {
            return NotFound();
        }

        PendingRequest pending;
        try
        {
            pending = await receive(Idp);
        }
        catch (SamlException ex)
        {
            logger.AuthnRequestRefused(Idp.Slug, ex.Error.Id, ex.Code);
            Refusal = RequestRefusal.Of(ex);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        logger.AuthnRequestAccepted(Idp.Slug, pending.RequestId);

        // RFC 9110 15.4.4: 303 makes the browser GET the login page, so the POST is never repeated.
        Response.Headers.Location = StubIdpUrls.LoginPath(Idp.Slug, protector.Protect(pending));
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<IReadOnlyDictionary<string, string>> FormFieldsAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            throw new SamlException(SamlErrorCode.BindingMessageMissing, "Expected a form post (SAML Bindings 3.5).");
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in BindingFields)
        {
            var values = form[name];

            // PostBinding.Decode takes a dictionary, which cannot say a field came twice: two readers could pick
            // different copies, so a repeated field is refused here.
            if (values.Count > 1)
            {
                throw new SamlException(SamlErrorCode.BindingDuplicateParameter, $"Field {name}.");
            }

            if (values.Count == 1 && values[0] is { } value)
            {
                fields[name] = value;
            }
        }

        return fields;
    }
}
