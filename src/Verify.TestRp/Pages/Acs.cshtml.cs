using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

using Verify.Saml.Bindings;
using Verify.Saml.Errors;
using Verify.TestRp.Logging;
using Verify.TestRp.Outcomes;
using Verify.TestRp.Protocol;
using Verify.TestRp.RequestState;

namespace Verify.TestRp.Pages;

/// <summary>
/// <c>POST /SAML2/ACS</c>, the assertion consumer service: decodes the hub's Response (HTTP-POST binding), has
/// <see cref="ResponseConsumers"/> check it against this browser's request (for the registration it was made for), and shows the outcome. A refused Response
/// gets a 400 page naming the error code and nothing else.
/// </summary>
/// <remarks>
/// Antiforgery tokens do not apply: the hub's POST is cross-site by design (SAML Bindings 3.5). What protects this
/// endpoint is that the Response must be signed by the hub, addressed to us, and answer the request this browser's
/// cookie and RelayState name (SAML Profiles 4.1.4.2–4.1.4.5).
/// </remarks>
[IgnoreAntiforgeryToken(Order = 1001)]
internal sealed class AcsModel(ResponseConsumers consumer, PendingRequestCookie cookie, ILogger<AcsModel> logger) : PageModel
{
    // SAML Bindings 3.5.4: the form fields of the HTTP-POST binding.
    private static readonly string[] BindingFields = ["SAMLRequest", "SAMLResponse", "RelayState"];

    /// <summary>The checked answer, when the Response was accepted.</summary>
    public AcsResult? Result { get; private set; }

    /// <summary>Why the Response was refused, otherwise.</summary>
    public SamlError? Error { get; private set; }

    /// <summary>Responses arrive only by POST here (HTTP-POST binding).</summary>
    public IActionResult OnGet()
    {
        Response.Headers.Allow = HttpMethods.Post;
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var pending = cookie.Read(Request);
        try
        {
            var message = PostBinding.Decode(await ReadBindingFieldsAsync(cancellationToken));
            if (message.Kind != SamlMessageKind.Response)
            {
                throw new SamlException(SamlErrorCode.BindingMessageTypeMismatch, "The ACS takes SAMLResponse only.");
            }

            Result = await consumer.ConsumeAsync(message, pending, cancellationToken);
        }
        catch (SamlException ex)
        {
            // The cookie is kept: a forged or stray POST must not cancel the citizen's real journey, whose answer may
            // still come. It expires on its own.
            logger.ResponseRefused(ex.Error.Id, ex.Code.ToString());
            Error = ex.Error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // SAML Profiles 4.1.4.5: a request is answered once.
        cookie.Clear(Response);
        if (Result.Identity is { } identity)
        {
            logger.IdentityProved(pending!.RequestId, identity.LevelName);
        }
        else if (Result.Failure is { } failure)
        {
            logger.FailureStatusReceived(pending!.RequestId, failure.StatusCode, failure.SubStatusCode);
        }

        return Page();
    }

    /// <summary>
    /// The binding's form fields, each at most once (SAML Bindings 3.5.4; <see cref="PostBinding.Decode(IReadOnlyDictionary{string, string}, int)"/>
    /// leaves refusing a repeated field to the host: two readers could pick different copies).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> ReadBindingFieldsAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            throw new SamlException(SamlErrorCode.BindingMessageMissing, "The request is not a form post.");
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new SamlException(SamlErrorCode.BindingMessageTooLarge, inner: ex);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in BindingFields)
        {
            var values = form[name];
            if (values.Count > 1)
            {
                throw new SamlException(SamlErrorCode.BindingDuplicateParameter);
            }

            if (values.Count == 1 && values[0] is { } value)
            {
                fields[name] = value;
            }
        }

        return fields;
    }
}
