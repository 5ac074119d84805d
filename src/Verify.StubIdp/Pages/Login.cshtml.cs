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
    ILogger<LoginModel> logger) : StubLoginPageModel<PendingRequest>(options, answered, AnsweredScope)
{
    /// <summary>The field (and query parameter) carrying the sealed pending request.</summary>
    public const string PendingField = "pending";

    /// <summary>The radio group of identities.</summary>
    public const string IdentityField = "identity";

    private const string AnsweredScope = "stub-idp-answered:";

    /// <summary>The answer form, once an outcome was chosen.</summary>
    public SamlPostForm? Answer { get; private set; }

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

        var idp = Idp!;
        var response = responses.Create(idp, Pending, chosen, person, ClientAddress());
        logger.ResponseSent(idp.Slug, Pending.RequestId, chosen.Value);
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

    private protected override IActionResult? Load(string slug, string? sealedRequest)
    {
        Idp = Options.FindIdp(slug);
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

    private protected override void LogRefusal(string reason) => logger.LoginRefused(Idp!.Slug, reason);
}
