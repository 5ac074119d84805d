using System.Globalization;
using System.Net;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

using Verify.Saml.Bindings;
using Verify.Saml.Saml;
using Verify.Saml.Validation;
using Verify.StubIdp.Identities;
using Verify.StubIdp.Logging;
using Verify.StubIdp.Requests;
using Verify.StubIdp.Responses;
using Verify.Web.Saml;

namespace Verify.StubIdp.Pages;

/// <summary>
/// <c>/{slug}/login</c>: GET shows the seeded identities and one button per outcome for a sealed pending request;
/// POST (antiforgery-checked, same-site) answers it once, with a page that posts the signed Response and the hub's
/// RelayState to the hub's registered ACS.
/// </summary>
internal sealed class LoginModel(
    StubIdpOptions options,
    PendingRequestProtector protector,
    StubResponseFactory responses,
    IReplayCache answered,
    ILogger<LoginModel> logger) : PageModel
{
    /// <summary>The field (and query parameter) carrying the sealed pending request.</summary>
    public const string PendingField = "pending";

    /// <summary>The radio group of identities.</summary>
    public const string IdentityField = "identity";

    private const string AnsweredScope = "stub-idp-answered:";

    /// <summary>The IDP whose page this is.</summary>
    public WhiteLabelIdp? Idp { get; private set; }

    /// <summary>The request being answered.</summary>
    public PendingRequest? Pending { get; private set; }

    /// <summary>The sealed request, echoed in the form.</summary>
    public string? SealedRequest { get; private set; }

    /// <summary>The identity to show as chosen.</summary>
    public string? SelectedIdentity { get; private set; }

    /// <summary>The error on the identity question, if any.</summary>
    public string? IdentityError { get; private set; }

    /// <summary>The answer form, once an outcome was chosen.</summary>
    public SamlPostForm? Answer { get; private set; }

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

        // One answer per request, as a real IDP gives: the back button and a second click send nothing.
        var until = Pending!.ReceivedAt + options.PendingRequestLifetime + options.RequestValidation.ClockSkew;
        if (!await answered.TryAddAsync(AnsweredScope + Idp!.Slug, Pending.RequestId, until, cancellationToken))
        {
            return Refuse("This sign-in request has already been answered", "Go back to the service and start again.", "already answered");
        }

        var response = responses.Create(Idp, Pending, chosen, chosen.NeedsIdentity ? person : null, ClientAddress());
        logger.ResponseSent(Idp.Slug, Pending.RequestId, chosen.Value);
        Answer = new SamlPostForm(
            new Uri(Pending.AssertionConsumerServiceUrl), "SAMLResponse", PostBinding.Encode(response), Pending.RelayState, "Returning you to GOV.UK Verify");
        return Page();
    }

    /// <summary>The wire name of a level of assurance URI, e.g. <c>LEVEL_2</c>.</summary>
    public static string LevelName(string authnContext) => authnContext switch
    {
        AuthnContexts.Level1 => "LEVEL_1",
        AuthnContexts.Level2 => "LEVEL_2",
        AuthnContexts.Level3 => "LEVEL_3",
        AuthnContexts.Level4 => "LEVEL_4",
        AuthnContexts.LevelX => "LEVEL_X",
        _ => authnContext,
    };

    /// <summary>The hint under an identity's radio.</summary>
    public static string Hint(TestIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var born = identity.DateOfBirth is { } date ? "Born " + date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + ". " : "";
        var postcode = identity.Dataset.CurrentAddresses is [{ PostCode: { } code }, ..] ? "Lives in " + code + ". " : "";
        return born + postcode + identity.Description + ".";
    }

    private IActionResult? Load(string slug, string? sealedRequest)
    {
        Idp = options.FindIdp(slug);
        if (Idp is null)
        {
            return NotFound();
        }

        Pending = protector.Unprotect(Idp.Slug, sealedRequest, out var problem);
        if (Pending is null)
        {
            return Refuse("The sign-in request cannot be used", problem!, problem!);
        }

        SealedRequest = sealedRequest;
        return null;
    }

    private PageResult Refuse(string heading, string detail, string reason)
    {
        logger.LoginRefused(Idp!.Slug, reason);
        Pending = null;
        Refusal = new RequestRefusal(heading, detail);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    // TXN_IPaddress: the address the citizen reached the IDP from, as the connection shows it. Forwarded headers are
    // not trusted: the stub is never behind a proxy of ours.
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
