using Verify.Audit.Events;

namespace Verify.Hub.Auditing;

/// <summary>The OpenID Provider's refusals (ADR 0021), audited as the SAML ones are: once, before the answer.</summary>
internal sealed partial class HubAudit
{
    /// <summary>An OIDC client's authorization request was refused by the hub's rules; no journey exists.</summary>
    /// <param name="reason">A stable word (e.g. <c>acr_not_allowed</c>), never a value from the request.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task OidcAuthorizationRefusedAsync(string reason, CancellationToken cancellationToken)
    {
        await AppendAsync(new AuthnRequestRefused
        {
            Stamp = Stamp(),
            Protocol = AuditProtocol.Oidc,
            ErrorCode = Code(reason),
        }, cancellationToken).ConfigureAwait(false);
        metrics.Refused("authn-request", reason);
    }
}
