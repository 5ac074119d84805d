using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;

using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

using Verify.Hub.Auditing;
using Verify.Hub.Telemetry;

using static OpenIddict.Server.OpenIddictServerEvents;

namespace Verify.Hub.Oidc.Provider.Endpoints;

/// <summary>
/// Audits the refusals OpenIddict makes itself, before the hub's endpoint runs (unknown client, redirect URI not
/// registered, response type, PKCE, scope): an authorization or pushed request refused is an
/// <c>AuthnRequestRefused</c> with OpenIddict's error and error ID, once; a refused token request is counted (no
/// journey exists to audit against). Refusals the hub's endpoint already audited are marked and skipped.
/// </summary>
internal sealed class RefusalAudit(HubAudit audit, HubMetrics metrics) :
    IOpenIddictServerHandler<ApplyAuthorizationResponseContext>,
    IOpenIddictServerHandler<ApplyPushedAuthorizationResponseContext>,
    IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    /// <summary>Set by an endpoint that has audited its own refusal.</summary>
    public const string AuditedKey = "Verify.Hub.Oidc.Provider.RefusalAudited";

    // First among the handlers that apply the response, so the audit is written before the answer leaves.
    private const int Order = int.MinValue + 100_000;

    public static OpenIddictServerHandlerDescriptor Authorization { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<RefusalAudit>().SetOrder(Order).SetType(OpenIddictServerHandlerType.Custom).Build();

    public static OpenIddictServerHandlerDescriptor Pushed { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyPushedAuthorizationResponseContext>()
            .UseSingletonHandler<RefusalAudit>().SetOrder(Order).SetType(OpenIddictServerHandlerType.Custom).Build();

    public static OpenIddictServerHandlerDescriptor Token { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<RefusalAudit>().SetOrder(Order).SetType(OpenIddictServerHandlerType.Custom).Build();

    public ValueTask HandleAsync(ApplyAuthorizationResponseContext context) =>
        AuditAsync(context, context?.Error, context?.Response.ErrorUri);

    public ValueTask HandleAsync(ApplyPushedAuthorizationResponseContext context) =>
        AuditAsync(context, context?.Error, context?.Response.ErrorUri);

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Error is { } error)
        {
            metrics.Refused("oidc-token", Code(error, context.Response.ErrorUri));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The audited code: the OAuth error and OpenIddict's stable error ID (e.g. <c>invalid_request:ID2029</c>).</summary>
    internal static string Code(string error, string? errorUri)
    {
        var id = errorUri?[(errorUri.LastIndexOf('/') + 1)..];
        return id is { Length: > 0 and <= 16 } ? error + ":" + id : error;
    }

    private async ValueTask AuditAsync(BaseRequestContext? context, string? error, string? errorUri)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (error is null || context.Transaction.GetHttpRequest()?.HttpContext is not HttpContext http || http.Items.ContainsKey(AuditedKey))
        {
            return;
        }

        http.Items[AuditedKey] = true;
        await audit.OidcAuthorizationRefusedAsync(Code(error, errorUri), context.CancellationToken).ConfigureAwait(false);
    }
}
