using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

using Verify.Audit;
using Verify.Hub.Logging;

namespace Verify.Hub.Pages;

/// <summary>
/// "Sorry, there is a problem with the service": where the exception handler re-executes a request that failed inside
/// the hub (503 when the audit trail could not be written, so the step was not taken). Logs the failure once, by type
/// only: an exception message may quote input.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class ProblemModel(ILogger<ProblemModel> logger) : PageModel
{
    /// <summary>Shown after a failed GET, or directly.</summary>
    public IActionResult OnGet() => Show();

    /// <summary>Shown after a failed POST (the handler re-executes with the request's method).</summary>
    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>();
        if (failure is not null)
        {
            if (failure.Error is AuditWriteException)
            {
                HubLog.AuditWriteFailed(logger, failure.Path);
            }
            else if (failure.Error is BadHttpRequestException bad)
            {
                // Too large, too slow, malformed: the client's fault, refused by Kestrel's limits.
                HubLog.FormRefused(logger, failure.Path, $"bad request ({bad.StatusCode})");
            }
            else
            {
                HubLog.UnexpectedFailure(logger, failure.Path, failure.Error.GetType().Name, failure.Error.StackTrace ?? "");
            }
        }

        return Page();
    }
}
