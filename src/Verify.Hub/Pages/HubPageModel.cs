using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

using Verify.Hub.Directory;
using Verify.Hub.Journey;
using Verify.Hub.Journey.States;
using Verify.Hub.Journeys;
using Verify.Hub.Logging;
using Verify.Hub.Telemetry;

namespace Verify.Hub.Pages;

/// <summary>
/// What every hub page shares: the journey from the page cookie, the federation snapshot, and the page each state
/// belongs on (a GET never changes a journey; it only shows where the journey is).
/// </summary>
public abstract class HubPageModel : PageModel
{
    private protected HubPageModel(HubServices services)
    {
        Services = services;
    }

    /// <summary>The journey this request works on, once loaded.</summary>
    public JourneyRecord? Journey { get; private protected set; }

    /// <summary>The RP's name for the page, once the journey is loaded.</summary>
    public string? ServiceName { get; private protected set; }

    /// <summary>The RP's "other ways to access the service" text, when registered.</summary>
    public string? OtherWays { get; private protected set; }

    /// <summary>The RP's homepage, when registered.</summary>
    public Uri? ServiceHomepage { get; private protected set; }

    private protected HubServices Services { get; }

    /// <summary>The page for a journey's state: where a GET to any hub page goes when the journey is elsewhere.</summary>
    internal static string PathFor(JourneyRecord journey) => journey.State switch
    {
        SessionStartedState => journey.Intent is null ? HubPaths.Start : HubPaths.ChooseCompany,
        IdpSelectedState => HubPaths.ChooseCompany,
        AuthnFailedErrorState => HubPaths.Failed,
        FraudEventDetectedState => HubPaths.NotVerified,
        RequesterErrorState => HubPaths.RequesterError,
        PausedRegistrationState => HubPaths.Pending,
        TimeoutState => HubPaths.Timeout,
        IMatchingRequestPending => HubPaths.Matching,
        AwaitingCycle3DataState => HubPaths.FurtherInformation,
        NoMatchState => HubPaths.NoMatch,
        MatchingServiceRequestErrorState => HubPaths.MatchingError,
        UserAccountCreationFailedState => HubPaths.AccountNotCreated,
        _ => HubPaths.Continue,
    };

    /// <summary>Loads the journey from the page cookie and the RP's texts; false when there is none.</summary>
    private protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Journey = await Services.Journeys.FindAsync(Request, JourneyCookies.Pages, cancellationToken).ConfigureAwait(false);
        if (Journey is null)
        {
            HubLog.NoJourney(Services.Logger, Request.Path);
            return false;
        }

        var directory = await Services.Directory.GetAsync(cancellationToken).ConfigureAwait(false);
        var rp = directory.FindRelyingParty(Journey.Rp.RpId);
        ServiceName = rp?.DisplayName;
        OtherWays = rp?.OtherWaysText;
        ServiceHomepage = rp?.ServiceHomepage;
        return true;
    }

    /// <summary>True when this request was refused for exceeding a rate limit (the page shows the 429 text).</summary>
    public bool TooManyRequests { get; private set; }

    /// <summary>
    /// Counts this request against the client address's limit (and the RP's, when given); false, with 429 and
    /// Retry-After set, when over.
    /// </summary>
    private protected async Task<bool> WithinLimitsAsync(string? rpEntityId, CancellationToken cancellationToken)
    {
        var limits = Services.Options.RateLimits;
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var within = rpEntityId is null
            ? await Services.RateLimiter.TryAcquireAsync("client:" + client, limits.PerClient, limits.Window, cancellationToken).ConfigureAwait(false)
            : await Services.RateLimiter.TryAcquireAsync("rp:" + rpEntityId, limits.PerRelyingParty, limits.Window, cancellationToken).ConfigureAwait(false);
        if (!within)
        {
            HubLog.RateLimited(Services.Logger, Request.Path, rpEntityId is null ? "client" : "relying party");
            Services.Metrics.RateLimited(rpEntityId is null ? "client" : "relying-party");
            TooManyRequests = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)limits.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return within;
    }

    /// <summary>
    /// Times each hop (one handler run) for the <c>verify.hub.hop.duration</c> histogram and wraps it in an activity named
    /// after the page; neither carries anything of the citizen's.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var hop = context.ActionDescriptor.ViewEnginePath;
        using var activity = HubMetrics.Activities.StartActivity("hub " + hop);
        activity?.SetTag("verify.hop", hop);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var executed = await next().ConfigureAwait(false);
        var status = executed.Exception is null || executed.ExceptionHandled ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        if (executed.Exception is Verify.Audit.AuditWriteException)
        {
            status = StatusCodes.Status503ServiceUnavailable;
        }

        activity?.SetTag("http.response.status_code", status);
        if (Journey is not null)
        {
            activity?.SetTag("verify.journey.state", Journey.State.Name);
        }

        Services.Metrics.Hop(hop, Request.Method, status, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>To the no-session page.</summary>
    private protected IActionResult NoSession() => Redirect(HubPaths.NoSession);

    /// <summary>To the page for the journey's state.</summary>
    private protected IActionResult ToStatePage() => Redirect(PathFor(Journey!));
}
