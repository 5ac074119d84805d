using System.Net;
using System.Security.Cryptography;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Verify.Saml.Validation;
using Verify.StubIdp.Identities;
using Verify.StubIdp.Oidc;
using Verify.Web.Security;

namespace Verify.StubIdp.Pages.Oidc;

/// <summary>
/// <c>/{slug}/oidc/login</c>: the OIDC side's login page, with the same identities and buttons as the SAML side's.
/// GET shows them for a sealed pending authorization request; POST (antiforgery-checked) answers it once, with a
/// <c>303 See Other</c> to the hub's registered redirection URI carrying a code or an error (ADR 0022).
/// </summary>
/// <remarks>The OIDC services exist only when <see cref="StubIdpOptions.Oidc"/> is set; otherwise the page is a 404.</remarks>
internal sealed class OidcLoginModel(StubIdpOptions options, IServiceProvider services, IReplayCache answered, ILogger<OidcLoginModel> logger) : PageModel
{
    private const string AnsweredScope = "stub-idp-oidc-answered:";

    private OidcSealer Sealer => services.GetRequiredService<OidcSealer>();

    /// <summary>The IDP whose page this is.</summary>
    public WhiteLabelIdp? Idp { get; private set; }

    /// <summary>The request being answered.</summary>
    public OidcPendingRequest? Pending { get; private set; }

    /// <summary>The sealed request, echoed in the form.</summary>
    public string? SealedRequest { get; private set; }

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

        SelectedIdentity = options.Identities[0].Key;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? pending, string? identity, string? outcome, CancellationToken cancellationToken)
    {
        if (Load(slug, pending) is { } failure)
        {
            return failure;
        }

        var chosen = StubOutcome.Find(outcome);
        if (chosen is null)
        {
            return Refuse("There is no such answer", "Choose one of the buttons on the sign-in page.", "unknown outcome");
        }

        var person = identity is null ? null : options.FindIdentity(identity);
        if (chosen.NeedsIdentity && person is null)
        {
            IdentityError = "Select a test identity";
            return Page();
        }

        // One answer per request: the back button and a second click send nothing.
        var until = Pending!.ReceivedAt + options.PendingRequestLifetime + options.RequestValidation.ClockSkew;
        if (!await answered.TryAddAsync(AnsweredScope + Idp!.Slug, Pending.RequestId, until, cancellationToken))
        {
            return Refuse("This sign-in request has already been answered", "Go back to the service and start again.", "already answered");
        }

        var issuer = services.GetRequiredService<StubOidcUrls>().Issuer(Idp.Slug);
        var location = StubOidcOutcomes.ErrorFor(chosen) is { } error
            ? OidcRedirect.Error(Pending.RedirectUri, error.Error, error.Detail, Pending.State, issuer)
            : OidcRedirect.Code(Pending.RedirectUri, Code(chosen, person!), Pending.State, issuer);
        StubOidcLog.AnswerSent(logger, Idp.Slug, Pending.RequestId, chosen.Value);
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private string Code(StubOutcome outcome, TestIdentity person) => Sealer.Seal(OidcSealer.CodePurpose, Idp!.Slug, new AuthorizationCodeGrant
    {
        CodeId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        Slug = Idp.Slug,
        ClientId = Pending!.ClientId,
        RedirectUri = Pending.RedirectUri,
        CodeChallenge = Pending.CodeChallenge,
        Nonce = Pending.Nonce,
        Acr = outcome.AuthnContext!,
        IdentityKey = person.Key,
        Gpg45Status = outcome.Gpg45Status?.ToString(),
        ClientAddress = ClientAddress(),
        IssuedAt = options.TimeProvider.GetUtcNow(),
    });

    private IActionResult? Load(string slug, string? sealedRequest)
    {
        Idp = options.FindIdp(slug);
        if (Idp is null || options.Oidc is not { } oidc)
        {
            return NotFound();
        }

        Pending = Sealer.Unseal<OidcPendingRequest>(OidcSealer.PendingPurpose, Idp.Slug, sealedRequest);
        if (Pending is null || !string.Equals(Pending.Slug, Idp.Slug, StringComparison.Ordinal) || !oidc.HubRedirectUris.Contains(Pending.RedirectUri))
        {
            return Refuse("The sign-in request cannot be used", "The sign-in request is not valid here: it was altered, or it belongs to another identity provider.", "not valid");
        }

        var age = options.TimeProvider.GetUtcNow() - Pending.ReceivedAt;
        if (age > options.PendingRequestLifetime || age < -options.RequestValidation.ClockSkew)
        {
            return Refuse("The sign-in request cannot be used", "The sign-in request has expired. Start again from the service.", "expired");
        }

        // CSP form-action applies to the redirect that follows the form's POST (CSP 3): allow the hub's origin.
        HttpContext.AllowFormAction(new Uri(Pending.RedirectUri));
        SealedRequest = sealedRequest;
        return null;
    }

    private PageResult Refuse(string heading, string detail, string reason)
    {
        StubOidcLog.AuthorizationRefused(logger, Idp!.Slug, "login_refused", reason);
        Pending = null;
        Refusal = new RequestRefusal(heading, detail);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    // Verify's TXN_IPaddress: the connection's address; forwarded headers are not trusted (the stub has no proxy of ours).
    private string ClientAddress()
    {
        var address = HttpContext.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        return (address ?? IPAddress.None).ToString();
    }
}
