namespace Verify.TestRp.Oidc;

/// <summary>
/// Why a callback was refused, shown on a 400 page: OpenIddict's error and its stable error ID (<c>ID2xxx</c>), or the
/// test RP's own check. Never text taken from the refused message.
/// </summary>
/// <param name="Code">The OAuth error, or the RP's own stable word (<c>acr_not_requested</c>…).</param>
/// <param name="Id">OpenIddict's error ID (from its error URI), or the RP's check name.</param>
/// <param name="Reason">What failed, in words the RP (or OpenIddict) wrote.</param>
internal sealed record OidcRefusal(string Code, string Id, string Reason);
