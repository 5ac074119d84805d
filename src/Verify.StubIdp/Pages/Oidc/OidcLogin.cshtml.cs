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
internal sealed class OidcLoginModel(StubIdpOptions options, IServiceProvider services, IReplayCache answered, ILogger<OidcLoginModel> logger)
    : StubLoginPageModel<OidcPendingRequest>(options, answered, AnsweredScope)
{
    private const string AnsweredScope = "stub-idp-oidc-answered:";

    private OidcSealer Sealer => services.GetRequiredService<OidcSealer>();

    public async Task<IActionResult> OnPostAsync(string slug, string? pending, string? identity, string? outcome, CancellationToken cancellationToken)
    {
        if (Load(slug, pending) is { } failure)
        {
            return failure;
        }

        var (chosen, person, instead) = await ChooseOnceAsync(outcome, identity, Pending!.RequestId, Pending.ReceivedAt, cancellationToken);
        if (chosen is null)
        {
            return instead!;
        }

        var issuer = services.GetRequiredService<StubOidcUrls>().Issuer(Idp!.Slug);
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
        IssuedAt = Options.TimeProvider.GetUtcNow(),
    });

    private protected override IActionResult? Load(string slug, string? sealedRequest)
    {
        Idp = Options.FindIdp(slug);
        if (Idp is null || Options.Oidc is not { } oidc)
        {
            return NotFound();
        }

        Pending = Sealer.Unseal<OidcPendingRequest>(OidcSealer.PendingPurpose, Idp.Slug, sealedRequest);
        if (Pending is null || !string.Equals(Pending.Slug, Idp.Slug, StringComparison.Ordinal) || !oidc.HubRedirectUris.Contains(Pending.RedirectUri))
        {
            return Refuse("The sign-in request cannot be used", "The sign-in request is not valid here: it was altered, or it belongs to another identity provider.", "not valid");
        }

        var age = Options.TimeProvider.GetUtcNow() - Pending.ReceivedAt;
        if (age > Options.PendingRequestLifetime || age < -Options.RequestValidation.ClockSkew)
        {
            return Refuse("The sign-in request cannot be used", "The sign-in request has expired. Start again from the service.", "expired");
        }

        // CSP form-action applies to the redirect that follows the form's POST (CSP 3): allow the hub's origin.
        HttpContext.AllowFormAction(new Uri(Pending.RedirectUri));
        SealedRequest = sealedRequest;
        return null;
    }

    private protected override void LogRefusal(string reason) => StubOidcLog.AuthorizationRefused(logger, Idp!.Slug, "login_refused", reason);
}
