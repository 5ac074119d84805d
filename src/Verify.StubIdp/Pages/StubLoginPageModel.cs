using System.Net;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Verify.Saml.Validation;
using Verify.StubIdp.Identities;

namespace Verify.StubIdp.Pages;

/// <summary>
/// What the SAML and the OpenID Connect login pages share (ADR 0022: the same identities and the same buttons): the
/// page's state, GET with the first identity chosen, and the answer's checks — a known button, an identity where the
/// button needs one, and one answer per request (the back button and a second click send nothing).
/// </summary>
/// <typeparam name="TPending">The protocol's pending request.</typeparam>
internal abstract class StubLoginPageModel<TPending>(StubIdpOptions options, IReplayCache answered, string answeredScope) : PageModel
    where TPending : class
{
    /// <summary>The stub's options.</summary>
    private protected StubIdpOptions Options => options;

    /// <summary>The IDP whose page this is.</summary>
    public WhiteLabelIdp? Idp { get; private protected set; }

    /// <summary>The request being answered.</summary>
    public TPending? Pending { get; private protected set; }

    /// <summary>The sealed request, echoed in the form.</summary>
    public string? SealedRequest { get; private protected set; }

    /// <summary>The identity to show as chosen.</summary>
    public string? SelectedIdentity { get; private set; }

    /// <summary>The error on the identity question, if any.</summary>
    public string? IdentityError { get; private set; }

    /// <summary>Why the page cannot be used.</summary>
    public RequestRefusal? Refusal { get; private set; }

    /// <summary>The identities on offer.</summary>
    public IReadOnlyList<TestIdentity> Identities => options.Identities;

    public IActionResult OnGet(string slug, string? pending)
    {
        if (Load(slug, pending) is { } failure)
        {
            return failure;
        }

        // A stub, not a service: the first identity is chosen already so one click signs in.
        SelectedIdentity = options.Identities[0].Key;
        return Page();
    }

    /// <summary>Reads the sealed request for <paramref name="slug"/>; a result when the page cannot be used.</summary>
    private protected abstract IActionResult? Load(string slug, string? sealedRequest);

    /// <summary>Logs a refusal of the page (no personal data).</summary>
    private protected abstract void LogRefusal(string reason);

    /// <summary>
    /// The answer chosen on a loaded page, claimed once for <paramref name="requestId"/>: the button and the identity
    /// (null where the button needs none), or (<c>Chosen</c> null) the page to show instead.
    /// </summary>
    private protected async Task<(StubOutcome? Chosen, TestIdentity? Person, IActionResult? Instead)> ChooseOnceAsync(
        string? outcome, string? identity, string requestId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var chosen = StubOutcome.Find(outcome);
        if (chosen is null)
        {
            return (null, null, Refuse("There is no such answer", "Choose one of the buttons on the sign-in page.", "unknown outcome"));
        }

        var person = identity is null ? null : options.FindIdentity(identity);
        if (chosen.NeedsIdentity && person is null)
        {
            IdentityError = "Select a test identity";
            return (null, null, Page());
        }

        // One answer per request, as a real IDP gives.
        var until = receivedAt + options.PendingRequestLifetime + options.RequestValidation.ClockSkew;
        if (!await answered.TryAddAsync(answeredScope + Idp!.Slug, requestId, until, cancellationToken).ConfigureAwait(false))
        {
            return (null, null, Refuse("This sign-in request has already been answered", "Go back to the service and start again.", "already answered"));
        }

        return (chosen, chosen.NeedsIdentity ? person : null, null);
    }

    /// <summary>The page showing why it cannot be used (400).</summary>
    private protected PageResult Refuse(string heading, string detail, string reason)
    {
        LogRefusal(reason);
        Pending = null;
        Refusal = new RequestRefusal(heading, detail);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>
    /// Verify's TXN_IPaddress: the address the citizen reached the IDP from, as the connection shows it. Forwarded
    /// headers are not trusted: the stub is never behind a proxy of ours.
    /// </summary>
    private protected string ClientAddress()
    {
        var address = HttpContext.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        return (address ?? IPAddress.None).ToString();
    }
}
